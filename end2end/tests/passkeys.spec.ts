import { test, expect, type Page } from '@playwright/test';
import { nextAdminCode } from './support';

// Issue 20: passkeys in Chromium with a virtual authenticator (the DevTools WebAuthn domain),
// on desktop and on a phone viewport. Passkeys are bound to a domain name, so these tests use
// http://localhost (scripts/test.sh sets PORTAL_PASSKEY_ORIGIN to it); the other specs use
// 127.0.0.1.

const PASSWORD = 'demo-password-2026';
const base = `http://localhost:${process.env.PORTAL_E2E_PORT ?? '3100'}`;
// One contact per project, so the two runs do not share a passkey.
const CONTACTS: Record<string, { email: string; company: string }> = {
  desktop: { email: 'chen@fabrikam.example', company: 'Fabrikam Clinics' },
  phone: { email: 'dana@tailspin.example', company: 'Tailspin Tours' },
};

/** A platform authenticator that holds passkeys and verifies its user (screen lock). */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

async function signInWithPassword(page: Page, email: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function addPasskey(page: Page, name: string) {
  await page.goto(`${base}/account/security`);
  await page.getByLabel('Passkey name').fill(name);
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByTestId('passkey').filter({ hasText: name })).toHaveCount(1);
}

test('a contact adds a passkey and signs in with it alone', async ({ page }, testInfo) => {
  const contact = CONTACTS[testInfo.project.name];
  const { cdp, authenticatorId } = await virtualAuthenticator(page);
  await signInWithPassword(page, contact.email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await addPasskey(page, `Laptop ${testInfo.project.name}`);
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].isResidentCredential).toBe(true);

  // Signed out, the passkey alone signs in: no email, no password, no code.
  await page.context().clearCookies();
  await page.goto(`${base}/login`);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(contact.company);
  await page.goto(`${base}/account/security`);
  await expect(page.getByTestId('signed-in-with')).toContainText('a passkey');

  // Now the password needs the second step, where the passkey is offered too.
  await page.context().clearCookies();
  await signInWithPassword(page, contact.email);
  await expect(page).toHaveURL(/\/login\/code$/);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // Removed (the session proved the passkey just now), the account is back to a password.
  await page.goto(`${base}/account/security`);
  await page.getByTestId('passkey').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('passkey')).toHaveCount(0);
  await page.context().clearCookies();
  await signInWithPassword(page, contact.email);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('an admin signs in with a passkey straight to the admin pages', async ({ page }, testInfo) => {
  const { cdp, authenticatorId } = await virtualAuthenticator(page);
  await signInWithPassword(page, 'admin@portal.example');
  await expect(page).toHaveURL(/\/login\/code$/);
  await page.getByLabel('Code from your app, or a recovery code').fill(await nextAdminCode());
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await addPasskey(page, `Admin key ${testInfo.project.name}`);

  await page.context().clearCookies();
  await page.goto(`${base}/login`);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  // A passkey counts as two factors: the admin pages open.
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials[0].signCount).toBeGreaterThan(0);
});
