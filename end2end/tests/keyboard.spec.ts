import { test, expect, Page } from '@playwright/test';
import { nextAdminCode } from './support';

// Issue 16: the purchase story and an admin's invitation, with the keyboard only: Tab moves
// the focus, Enter or Space acts, and text is typed. No clicks, no `fill`.

const PASSWORD = 'demo-password-2026';

/** Presses Tab until the focused element matches `selector` (at most 60 times). */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function typeInto(page: Page, selector: string, text: string) {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await typeInto(page, '#email', email);
  await typeInto(page, '#password', PASSWORD);
  await page.keyboard.press('Enter');
  if (email === 'admin@portal.example') {
    // The second step (issue 20): the code field has the focus.
    await expect(page).toHaveURL(/\/login\/code$/);
    await typeInto(page, '#code', await nextAdminCode());
    await page.keyboard.press('Enter');
  }
}

test('the purchase story with the keyboard only', async ({ page }) => {
  await signIn(page, 'boris@contoso.example');
  await expect(page).toHaveURL(/\/dashboard$/);
  await tabTo(page, 'a[href="/plans"]:not(nav[aria-label="Main"] a)');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/plans$/);
  await tabTo(page, '[data-testid="offer-standard"] a[href="/support?plan=standard&years=1"]');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/support\?plan=standard&years=1$/);
  await expect(page.getByTestId('flow-kind')).toHaveText('Renew support');
  await tabTo(page, 'main button[type="submit"]:not(.secondary)');
  await expect(page.locator(':focus')).toHaveText('Confirm order');
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/\/orders\/\d+$/);
  await expect(page.getByTestId('invoice')).toContainText('Standard support, 1 year');
});

test('an admin invites a contact with the keyboard only', async ({ page }, testInfo) => {
  const tag = testInfo.project.name;
  await signIn(page, 'admin@portal.example');
  await expect(page).toHaveURL(/\/admin$/);
  await typeInto(page, '#company-name', `Keyboard Company ${tag}`);
  await typeInto(page, '#contact-name', `Kim ${tag}`);
  await typeInto(page, '#contact-email', `kim-${tag}@keyboard-e2e.example`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('invitation-link')).toContainText('/invite?token=');
});
