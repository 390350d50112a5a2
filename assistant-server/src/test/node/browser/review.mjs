// The content-review page (/manage/review.html) in Chromium: node review.mjs <baseUrl> <artifactDir>.
// Approves one pending article, tries to reject another without a reason, then with one; prints one JSON line with
// what it saw for ReviewBrowserIT to assert. Console errors, foreign requests and dialogs are recorded.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [base, artifacts] = process.argv.slice(2);
const origin = new URL(base).origin;
mkdirSync(artifacts, { recursive: true });
const out = { consoleErrors: [], foreignRequests: [], dialogs: [] };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') out.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => out.consoleErrors.push('pageerror: ' + e.message));
  page.on('dialog', (d) => { out.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.origin !== origin) out.foreignRequests.push(r.url());
  });
  await page.goto(base + '/manage/review.html');
  const rows = page.locator('#items tr');
  await rows.first().waitFor();
  out.pendingTab = await page.locator('#states button[data-state=pending]').innerText();
  out.pendingRows = await rows.count();

  // approve the first pending article
  const first = rows.nth(0);
  out.approvedId = await first.getAttribute('data-id');
  await first.click();
  out.previewText = await page.locator('#article-text').innerText();
  await page.locator('#reviewer').fill('ops-browser');
  await page.locator('#approve').click();
  await page.locator('#note').filter({ hasText: out.approvedId }).waitFor();
  out.approveNote = await page.locator('#note').innerText();
  out.pendingRowsAfter = await rows.count();
  await page.screenshot({ path: `${artifacts}/review-approved.png`, fullPage: true });

  // reject the next one: first without a reason (refused on the page), then with one
  const next = rows.nth(0);
  out.rejectedId = await next.getAttribute('data-id');
  await next.click();
  await page.locator('#reject').click();
  out.noReasonNote = await page.locator('#note').innerText();
  await page.locator('#reason').fill('数据日期与标题不一致');
  await page.locator('#reject').click();
  await page.locator('#note').filter({ hasText: out.rejectedId }).waitFor();
  out.rejectNote = await page.locator('#note').innerText();

  // the approved tab lists the approved article as published
  await page.locator('#states button[data-state=approved]').click();
  await page.locator(`#items tr[data-id="${out.approvedId}"]`).waitFor();
  out.approvedRow = await page.locator(`#items tr[data-id="${out.approvedId}"]`).innerText();
  await page.locator('#states button[data-state=rejected]').click();
  await page.locator(`#items tr[data-id="${out.rejectedId}"]`).waitFor();
  await page.locator(`#items tr[data-id="${out.rejectedId}"]`).click();
  out.rejectedDetail = await page.locator('#article-id').innerText();
  out.decideHidden = await page.locator('#decide').isHidden();
  await page.screenshot({ path: `${artifacts}/review-rejected.png`, fullPage: true });
} catch (e) {
  out.error = String(e && e.stack || e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
