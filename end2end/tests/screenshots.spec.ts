import { test } from '@playwright/test';
import { passSecondStep } from './support';

// Screenshots for the docs (issue 16): the admin home and a company page, per project
// (desktop 1280 px; phone narrowed to 360 px, the narrowest common phone). Only when PORTAL_SCREENSHOTS names a directory, e.g.
// `PORTAL_SCREENSHOTS=$PWD/docs` through scripts/test.sh's Playwright run.
const dir = process.env.PORTAL_SCREENSHOTS;

test('admin home and company page screenshots', async ({ page }, testInfo) => {
  test.skip(!dir, 'PORTAL_SCREENSHOTS is not set');
  await page.goto('/login');
  await page.getByLabel('Email').fill('admin@portal.example');
  await page.getByLabel('Password').fill('demo-password-2026');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await passSecondStep(page, 'admin@portal.example');
  const tag = testInfo.project.name;
  if (tag === 'phone') await page.setViewportSize({ width: 360, height: 780 });
  await page.screenshot({ path: `${dir}/admin-home-${tag}.png`, fullPage: true });
  await page.getByRole('link', { name: 'Contoso Logistics' }).first().click();
  await page.waitForURL(/\/admin\/companies\/\d+$/);
  await page.screenshot({ path: `${dir}/admin-company-${tag}.png`, fullPage: true });
});
