import { passSecondStep } from './support';
import { test, expect, Page } from '@playwright/test';

const PASSWORD = 'demo-password-2026';

async function hydrated(page: Page) {
  // The app sets this from an effect, which only runs once the wasm has hydrated the page.
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
}

async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/login');
  await hydrated(page);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (password === PASSWORD) await passSecondStep(page, email);
}

test('a contact signs in, sees holdings and contract, filters and sorts, signs out', async ({ page }) => {
  await signIn(page, 'boris@contoso.example');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contoso Logistics');
  await expect(page.getByTestId('contract-plan')).toHaveText('Standard');
  await expect(page.getByTestId('total-licenses')).toHaveText('7');
  const rows = page.getByTestId('holding-row');
  await expect(rows).toHaveCount(3);

  await hydrated(page);
  await page.getByTestId('holdings-filter').fill('mobile');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Terrasoft CRM Mobile');
  await page.getByTestId('holdings-filter').fill('');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('Terrasoft CRM Mobile');
  await page.getByTestId('holdings-sort').selectOption('quantity');
  await expect(rows.nth(1)).toContainText('Terrasoft Sales');
  await expect(rows.last()).toContainText('Terrasoft CRM Mobile');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login$/);
});

test('an outdated holding is flagged and a lapsed contract shows no active support', async ({ page }) => {
  await signIn(page, 'chen@fabrikam.example');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fabrikam Clinics');
  await expect(page.getByTestId('holding-row').filter({ hasText: 'HIS Medicine' })).toContainText(
    'Update available',
  );
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, 'dana@tailspin.example');
  await expect(page.getByTestId('no-support')).toHaveText('No active support.');
});

test('a wrong password gets one generic message', async ({ page }) => {
  await signIn(page, 'boris@contoso.example', 'wrong-password');
  await expect(page.getByRole('alert')).toHaveText('The email or password is incorrect.');
  await expect(page).toHaveURL(/\/login/);
});

test('the public plan comparison needs no sign-in', async ({ page }) => {
  await page.goto('/plans');
  await expect(page.getByRole('columnheader', { name: 'Premium' })).toBeVisible();
  await expect(page.getByText('Companies owning 5+ licenses')).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('sign-in and the dashboard work as plain HTML', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('anna@northwind.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Northwind Trading');
    await expect(page.getByTestId('no-support')).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
  });
});
