import { passSecondStep } from './support';
import { test, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// Issue 16: axe-core on every route, for each role (anonymous, contact, admin), on desktop and
// phone (the two projects): zero violations of WCAG 2.0/2.1 A and AA and WCAG 2.2 AA, and no
// console error on any page.

const PASSWORD = 'demo-password-2026';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await passSecondStep(page, email);
  await page.waitForURL(/\/(dashboard|admin)$/);
}

/** Loads each path and collects axe's violations and the console errors, per path. */
async function audit(page: Page, paths: string[]) {
  const errors: string[] = [];
  const onConsole = (message: { type(): string; text(): string }) => {
    // The not-found page is meant to answer 404; Chromium logs that as an error.
    const expected404 = page.url().endsWith('/no-such-page') && message.text().includes('404');
    if (message.type() === 'error' && !expected404) errors.push(`${page.url()}: ${message.text()}`);
  };
  page.on('console', onConsole);
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    for (const v of results.violations) {
      const nodes = v.nodes.map((n) => n.target.join(' ')).join(', ');
      found.push(`${path}: ${v.id} (${v.impact}) ${v.help} — ${nodes}`);
    }
    console.log(`axe ${path}: ${results.violations.length} violations, ${results.passes.length} rules passed`);
  }
  page.off('console', onConsole);
  expect(found, found.join('\n')).toEqual([]);
  expect(errors, errors.join('\n')).toEqual([]);
}

test('every public page has no axe violation', async ({ page }) => {
  await audit(page, ['/login', '/plans', '/reset', '/reset?sent=1', '/invite?token=0', '/login/code', '/no-such-page']);
});

test('every contact page has no axe violation', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'boris@contoso.example');
  // One request and one order of this company, so that their pages can be audited too.
  const json = { Accept: 'application/json', Origin: new URL(page.url()).origin };
  const filed = await page.request.post('/api/file_consultation', {
    headers: json,
    form: { area: 'reports_plugins_scripts', subject: 'Axe audit', description: 'A request to audit.' },
  });
  expect(filed.ok(), await filed.text()).toBeTruthy();
  const requestId = await filed.json();
  const quote = await (
    await page.request.post('/api/support_quote', { headers: json, form: { plan: 'standard', years: '1' } })
  ).json();
  const bought = await page.request.post('/api/buy_support', {
    headers: json,
    form: { plan: 'standard', years: '1', digest: quote.digest, key: quote.idempotency_key },
  });
  expect(bought.ok(), await bought.text()).toBeTruthy();
  const orderId = await bought.json();
  await audit(page, [
    '/dashboard',
    '/plans',
    '/support?plan=standard&years=1',
    '/licenses',
    '/updates',
    '/orders',
    `/orders/${orderId}`,
    `/orders/${orderId}/invoice`,
    '/history',
    '/consultations',
    `/consultations/${requestId}`,
    '/account',
    '/account/security',
    '/company',
  ]);
});

test('every admin page has no axe violation', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin@portal.example');
  await page.goto('/admin');
  const company = await page.getByTestId('company-row').first().getByRole('link').getAttribute('href');
  await page.goto('/admin/consultations');
  const request = page.locator('main table a').first();
  const requestPath = (await request.count()) > 0 ? [(await request.getAttribute('href'))!] : [];
  await audit(page, [
    '/admin',
    '/admin?q=contoso',
    company!,
    '/admin/catalog',
    '/admin/plans',
    '/admin/consultations',
    ...requestPath,
    '/admin/audit',
    '/admin/invoices',
    '/admin/invoices?status=all',
    '/admin/vendor',
    '/admin/jobs',
    '/admin/integrations',
    '/admin/jobs?status=done',
    '/account',
    '/account/security',
  ]);
});
