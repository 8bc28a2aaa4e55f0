import { test, expect, Page } from '@playwright/test';
import * as fs from 'fs';

const PASSWORD = 'demo-password-2026';

// Each project buys for its own spare company, so desktop and phone runs do not interfere.
const CONTACT: Record<string, string> = {
  desktop: 'edith@litware.example',
  phone: 'femi@adventure.example',
};

// The desktop run buys in English, the phone run in Ukrainian (issue 15): the same story,
// with each language's words, money (1,180.00 / 1 180,00) and dates (2026-11-25 / 25.11.2026).
// Playwright compares text with whitespace normalised, so the no-break space that groups
// thousands in Ukrainian is written as a space here.
const WORDS = {
  en: {
    email: 'Email', password: 'Password', signIn: 'Sign in', compare: 'Compare plans and prices',
    twoYears: '2 years', twoYearsPrice: '2 years: 1,180.00 EUR', total: '1,180.00 EUR',
    formula: '20% × 2,950.00 × 2', period: '2026-11-25 – 2028-11-24', confirm: 'Confirm order',
    invoiceTotal: '1,180.00', due: '2026-12-25', service: 'Service period 2026-11-25 – 2028-11-24',
    joinCurrent: 'so new licenses join your current contract (R1)', years: 'Years',
    showQuote: 'Show quote', r8: '= 313 days: 2028-11-24 → 2029-10-03', addTotal: '3,780.00 EUR',
    moved: '2028-11-24 → 2029-10-03', covered: '2026-11-25 – 2029-10-03',
  },
  uk: {
    email: 'Електронна пошта', password: 'Пароль', signIn: 'Увійти', compare: 'Порівняти плани та ціни',
    twoYears: '2 роки', twoYearsPrice: '2 роки: 1 180,00 EUR', total: '1 180,00 EUR',
    formula: '20 % × 2 950,00 × 2', period: '25.11.2026 – 24.11.2028', confirm: 'Підтвердити замовлення',
    invoiceTotal: '1 180,00', due: '25.12.2026', service: 'Період обслуговування 25.11.2026 – 24.11.2028',
    joinCurrent: 'тож нові ліцензії буде додано до вашого чинного договору (R1)', years: 'Кількість років',
    showQuote: 'Розрахувати вартість', r8: '= 313 днів: 24.11.2028 → 03.10.2029', addTotal: '3 780,00 EUR',
    moved: '24.11.2028 → 03.10.2029', covered: '25.11.2026 – 03.10.2029',
  },
};

async function hydrated(page: Page) {
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
}

test('compare plans, buy Standard for 2 years, see the invoice, add 3 licenses', async ({ page }, testInfo) => {
  const language = testInfo.project.name === 'phone' ? 'uk' : 'en';
  const w = WORDS[language];
  await page.goto('/login');
  await hydrated(page);
  if (language === 'uk') {
    // The switcher is a plain form: it saves the choice and comes back to this page.
    await page.getByRole('button', { name: 'Українська' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    await expect(page).toHaveURL(/\/login$/);
    await hydrated(page);
  }
  await page.getByLabel(w.email).fill(CONTACT[testInfo.project.name]);
  await page.getByLabel(w.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.locator('html')).toHaveAttribute('lang', language);

  // Compare: prices on our own 4 licenses (3 × 900.00 + 250.00 = 2950.00); Premium needs 5.
  await page.getByRole('link', { name: w.compare }).click();
  const standard = page.getByTestId('offer-standard');
  await expect(standard).toContainText(w.twoYearsPrice);
  await expect(page.getByTestId('offer-premium')).toContainText('R2');

  // Buy Standard for 2 years.
  await standard.getByRole('listitem').filter({ hasText: w.twoYears }).getByRole('link').click();
  await expect(page).toHaveURL(/\/support\?plan=standard&years=2$/);
  await expect(page.getByTestId('quote-total')).toHaveText(w.total);
  await expect(page.getByTestId('support-formula')).toContainText(w.formula);
  await expect(page.getByTestId('contract-change')).toContainText(w.period);
  await hydrated(page);
  await page.getByRole('button', { name: w.confirm }).click();

  // The order and its invoice.
  await expect(page).toHaveURL(/\/orders\/\d+$/);
  await expect(page.getByTestId('invoice-total')).toHaveText(w.invoiceTotal);
  await expect(page.getByTestId('invoice-due')).toHaveText(w.due);
  await expect(page.getByTestId('service-period')).toHaveText(w.service);

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
  await expect(page.getByText(w.joinCurrent)).toBeVisible();
  await page.getByTestId('qty-Terrasoft CRM').fill('3');
  await page.getByLabel(w.years).fill('2');
  await page.getByRole('button', { name: w.showQuote }).click();
  await expect(page.getByTestId('contract-change')).toContainText(w.r8);
  // 3 × 900.00 licenses + 20% × 2700.00 × 2 support
  await expect(page.getByTestId('quote-total')).toHaveText(w.addTotal);
  await hydrated(page);
  await page.getByRole('button', { name: w.confirm }).click();
  await expect(page).toHaveURL(/\/orders\/\d+$/);
  await expect(page.getByTestId('order-contract-change')).toContainText(w.moved);

  await page.goto('/dashboard');
  await expect(page.getByTestId('total-licenses')).toHaveText('7');
  await expect(page.getByText(w.covered)).toBeVisible();
  await page.goto('/orders');
  await expect(page.getByTestId('order-row')).toHaveCount(2);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a renewal can be quoted and confirmed with plain HTML forms', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('boris@contoso.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
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
