import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

// Shared by the specs: the demo admin's second step (issue 20). Admin pages need a second
// factor, so the demo admin has an authenticator app whose secret the seed publishes
// (server/src/seed.rs, DEMO_ADMIN_TOTP_SECRET).
const DEMO_ADMIN_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function base32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of text.replace(/=+$/, '')) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => parseInt(byte, 2)));
}

/** The RFC 6238 code (HMAC-SHA1, 6 digits) of a 30-second step. */
export function totp(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = crypto.createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return ((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
}

/**
 * A code of the demo admin's app that the server has not accepted yet: a code works once, and
 * the server accepts the current step and the next. The last step used is kept next to the
 * run's outbox (one fresh directory per run), so every spec file shares it.
 */
export async function nextAdminCode(): Promise<string> {
  const file = path.join(process.env.PORTAL_E2E_OUTBOX ?? '/tmp', '..', 'admin-totp-step');
  const last = fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) : -1;
  const stepNow = () => Math.floor(Date.now() / 30_000);
  const step = Math.max(last + 1, stepNow());
  while (step > stepNow() + 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  fs.writeFileSync(file, String(step));
  return totp(DEMO_ADMIN_TOTP_SECRET, step);
}

/** After a right password: types the demo admin's code when the second step asks for one. */
export async function passSecondStep(page: Page, email: string) {
  if (email !== 'admin@portal.example') return;
  await page.waitForURL(/\/login\/code$/);
  await page.getByLabel('Code from your app, or a recovery code').fill(await nextAdminCode());
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}
