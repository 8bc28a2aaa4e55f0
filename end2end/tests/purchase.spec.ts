import { test, expect, Page } from '@playwright/test';
import * as fs from 'fs';

const PASSWORD = 'demo-password-2026';

// Each project buys for its own spare company, so desktop and phone runs do not interfere.
const CONTACT: Record<string, string> = {
  desktop: 'edith@litware.example',
  phone: 'femi@adventure.example',
};

async function hydrated(page: Page) {
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
}

test('compare plans, buy Standard for 2 years, see the invoice, add 3 licenses', async ({ page }, testInfo) => {
  await page.goto('/login');
  await hydrated(page);
  await page.getByLabel('Email').fill(CONTACT[testInfo.project.name]);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // Compare: prices on our own 4 licenses (3 × 900.00 + 250.00 = 2950.00); Premium needs 5.
  await page.getByRole('link', { name: 'Compare plans and prices' }).click();
  const standard = page.getByTestId('offer-standard');
  await expect(standard).toContainText('2 years: 1180.00 EUR');
  await expect(page.getByTestId('offer-premium')).toContainText('R2');

  // Buy Standard for 2 years.
  await standard.getByRole('listitem').filter({ hasText: '2 years' }).getByRole('link').click();
  await expect(page).toHaveURL(/\/support\?plan=standard&years=2$/);
  await expect(page.getByTestId('quote-total')).toHaveText('1180.00 EUR');
  await expect(page.getByTestId('support-formula')).toContainText('20% × 2950.00 × 2');
  await expect(page.getByTestId('contract-change')).toContainText('2026-11-25 – 2028-11-24');
  await hydrated(page);
  await page.getByRole('button', { name: 'Confirm order' }).click();

  // The order and its invoice.
  await expect(page).toHaveURL(/\/orders\/\d+$/);
  await expect(page.getByTestId('invoice-total')).toHaveText('1180.00');
  await expect(page.getByTestId('invoice-due')).toHaveText('2026-12-25');
  await expect(page.getByTestId('service-period')).toHaveText('Service period 2026-11-25 – 2028-11-24');

  // The same invoice as a PDF file, downloaded from the order page.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('invoice-pdf').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^INV-2026-\d{6}\.pdf$/);
  const pdf = fs.readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(5_000);

  // Add 3 CRM licenses under the running contract: R8 extends it by
  // ceil(365 × 2 × 3 / (4 + 3)) = 313 days.
  await page.goto('/licenses');
  await hydrated(page);
  // R1: with a contract in force, a second contract is not offered; the page says why.
  await expect(page.locator('input[name="support"][value="new"]')).toHaveCount(0);
  await expect(page.getByText('so new licenses join your current contract (R1)')).toBeVisible();
  await page.getByTestId('qty-Terrasoft CRM').fill('3');
  await page.getByLabel('Years').fill('2');
  await page.getByRole('button', { name: 'Show quote' }).click();
  await expect(page.getByTestId('contract-change')).toContainText('= 313 days: 2028-11-24 → 2029-10-03');
  // 3 × 900.00 licenses + 20% × 2700.00 × 2 support
  await expect(page.getByTestId('quote-total')).toHaveText('3780.00 EUR');
  await hydrated(page);
  await page.getByRole('button', { name: 'Confirm order' }).click();
  await expect(page).toHaveURL(/\/orders\/\d+$/);
  await expect(page.getByTestId('order-contract-change')).toContainText('2028-11-24 → 2029-10-03');

  await page.goto('/dashboard');
  await expect(page.getByTestId('total-licenses')).toHaveText('7');
  await expect(page.getByText('2026-11-25 – 2029-10-03')).toBeVisible();
  await page.goto('/orders');
  await expect(page.getByTestId('order-row')).toHaveCount(2);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a renewal can be quoted and confirmed with plain HTML forms', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('boris@contoso.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);

    await page.goto('/support');
    await page.getByTestId('plan-select').selectOption('basic');
    await page.getByTestId('years-input').fill('1');
    await page.getByRole('button', { name: 'Show quote' }).click();
    await expect(page).toHaveURL(/plan=basic&years=1/);
    await expect(page.getByTestId('flow-kind')).toHaveText('Renew support');
    await expect(page.getByTestId('contract-change')).toContainText('Renewal after the current end');
    await page.getByRole('button', { name: 'Confirm order' }).click();
    await expect(page).toHaveURL(/\/orders\/\d+$/);
    await expect(page.getByTestId('invoice')).toContainText('Basic support, 1 year');
  });
});
