import { passSecondStep } from './support';
import { test, expect, Page } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';

const PASSWORD = 'demo-password-2026';

async function hydrated(page: Page) {
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

/** The invitation link in the newest mail of the outbox sent to `to`. */
function invitationLinkFor(to: string): string {
  const outbox = process.env.PORTAL_E2E_OUTBOX!;
  const mails = fs
    .readdirSync(outbox)
    .map((name) => fs.readFileSync(path.join(outbox, name), 'utf8'))
    // quoted-printable: join soft line breaks, unescape '='
    .map((raw) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='))
    .filter((mail) => mail.includes(to));
  const match = mails.pop()?.match(/https?:\/\/\S+\/invite\?token=[0-9a-f]+/);
  if (!match) throw new Error(`no invitation mail for ${to}`);
  return match[0];
}

test('an admin invites a contact, who accepts from the mailed link and signs in', async ({ page, browser }, testInfo) => {
  const tag = testInfo.project.name;
  const email = `owner-${tag}@northwind-e2e.example`;
  await signIn(page, 'admin@portal.example');
  await expect(page).toHaveURL(/\/admin$/);
  await hydrated(page);
  await page.getByLabel('Company name').fill(`E2E Company ${tag}`);
  await page.getByLabel('Contact name').fill(`Olga ${tag}`);
  await page.getByLabel('Contact email').fill(email);
  await page.getByRole('button', { name: 'Create company' }).click();
  await expect(page.getByTestId('invitation-link')).toContainText('/invite?token=');

  const contact = await browser.newPage();
  await contact.goto(invitationLinkFor(email));
  await hydrated(contact);
  await contact.getByLabel('New password').fill('olga-long-password');
  await contact.getByRole('button', { name: 'Save password' }).click();
  await expect(contact).toHaveURL(/\/dashboard$/);
  await expect(contact.getByRole('heading', { level: 1 })).toHaveText(`E2E Company ${tag}`);
  await contact.getByRole('button', { name: 'Sign out' }).click();
  await expect(contact).toHaveURL(/\/login/);

  await signIn(contact, email, 'olga-long-password');
  await expect(contact).toHaveURL(/\/dashboard$/);
  await contact.close();
});

test('a contact files a request, the admin answers, the contact sees the answer', async ({ page, browser }, testInfo) => {
  const subject = `Report designer help (${testInfo.project.name})`;
  await signIn(page, 'boris@contoso.example');
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/consultations');
  await hydrated(page);
  await page.getByLabel('Area').selectOption('reports_plugins_scripts');
  await page.getByLabel('Subject').fill(subject);
  await page.getByLabel('Description').fill('How do I add a column to the sales report?');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page).toHaveURL(/\/consultations\/\d+$/);
  await expect(page.getByTestId('request-status')).toHaveText('open');
  const requestUrl = page.url();

  const admin = await browser.newPage();
  await signIn(admin, 'admin@portal.example');
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.goto('/admin/consultations');
  await admin.getByRole('link', { name: subject }).click();
  await expect(admin).toHaveURL(/\/admin\/consultations\/\d+$/);
  await hydrated(admin);
  await admin.getByLabel('Reply').fill('Open the report designer and drag the field in.');
  await admin.getByRole('button', { name: 'Send' }).click();
  await expect(admin.getByTestId('request-status')).toHaveText('answered');
  // The answer went out as a job of the queue, sent at once.
  await admin.goto('/admin/jobs?status=done');
  await expect(admin.getByTestId('job-row').filter({ hasText: 'answered_mail' }).first()).toBeVisible();
  await admin.close();

  await page.goto(requestUrl);
  await expect(page.getByTestId('request-status')).toHaveText('answered');
  await expect(page.getByTestId('message')).toContainText('Open the report designer');
});

test('an out-of-scope request is refused with R5 and its reason', async ({ page }) => {
  await signIn(page, 'boris@contoso.example');
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/consultations');
  await hydrated(page);
  await page.getByLabel('Area').selectOption('out_of_scope');
  await page.getByLabel('Subject').fill('Office LAN');
  await page.getByLabel('Description').fill('Our Wi-Fi drops.');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('alert')).toContainText('R5');
});
