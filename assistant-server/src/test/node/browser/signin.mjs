// The pages with the production sign-in (no loopback trust): node signin.mjs <baseUrl> <artifactDir> <user> <password>
// An operator signs in through the form, then uses /manage (a state-changing call with the CSRF cookie), /ops and the
// witness console in the same browser session; a customer's widget gets its own anonymous token and asks a question.
// Prints one JSON line; SignInBrowserIT asserts on it.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [base, artifacts, user, password, limitedUser, limitedPassword] = process.argv.slice(2);
mkdirSync(artifacts, { recursive: true });
const out = { consoleErrors: [], statuses: {} };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') out.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => out.consoleErrors.push('pageerror: ' + e.message));
  out.failed = [];
  const watch = (r) => {
    const p = new URL(r.url()).pathname;
    if (p.startsWith('/api') || p.startsWith('/admin')) out.statuses[r.request().method() + ' ' + p] = r.status();
    // the one refusal expected: the wrong password posted to /login
    if (r.status() >= 400) out.failed.push(r.status() + ' ' + r.request().method() + ' ' + p);
  };
  page.on('response', watch);

  await page.goto(base + '/manage');
  out.redirectedTo = new URL(page.url()).pathname;
  await page.locator('input[name="username"]').fill(user);
  await page.locator('input[name="password"]').fill('wrong-' + password);
  await page.locator('button[type="submit"]').click();
  await page.waitForLoadState('load');
  out.afterWrongPassword = new URL(page.url()).pathname + new URL(page.url()).search;
  await page.locator('input[name="username"]').fill(user);
  await page.locator('input[name="password"]').fill(password);
  const keysListed = page.waitForResponse((r) => new URL(r.url()).pathname === '/admin/api-keys', { timeout: 30_000 });
  await page.locator('button[type="submit"]').click();
  await keysListed;
  out.afterSignIn = new URL(page.url()).pathname;
  await page.locator('#key-name').fill('signin-browser');
  await page.locator('#key-form button').click();
  await page.locator('#new-key').filter({ hasText: 'fa-' }).waitFor({ timeout: 15_000 });
  out.keyCreated = true;

  // the answer evaluation: an uploaded two-question set runs through the chat pipeline with a progress bar
  await page.goto(base + '/manage/eval-answers.html');
  await page.locator('#file').setInputFiles({ name: 'browser-set.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(
    '{"id":"b1","question":"股票几点开盘啊","expect":"answer","facts":[["9:30"]]}\n'
    + '{"id":"b2","previous":["科创板开通要什么条件"],"question":"那创业板呢","expect":"answer"}\n') });
  await page.locator('#start').click();
  await page.locator('#run-name').filter({ hasText: /\((done|failed)\)/ }).waitFor({ timeout: 120_000 });
  out.evalRun = await page.locator('#run-name').innerText();
  out.evalProgress = await page.locator('#progress-text').innerText();
  out.evalFigures = await page.locator('#figures td').allInnerTexts();
  await page.screenshot({ path: `${artifacts}/signin-eval-answers.png`, fullPage: true });

  await page.goto(base + '/ops');
  await page.locator('#at').filter({ hasText: /\d/ }).waitFor({ timeout: 30_000 });
  out.opsShown = true;

  await page.goto(base + '/witness/console');
  await page.locator('#stats').filter({ hasText: /\S/ }).waitFor({ timeout: 30_000 });
  out.consoleShown = true;
  await page.screenshot({ path: `${artifacts}/signin-console.png`, fullPage: true });

  // an operator with the admin role only: the sections it may not read say which role is missing
  if (limitedUser) {
    const limited = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    const l = await limited.newPage();
    l.on('pageerror', (e) => out.consoleErrors.push('limited pageerror: ' + e.message));
    await l.goto(base + '/manage');
    await l.locator('input[name="username"]').fill(limitedUser);
    await l.locator('input[name="password"]').fill(limitedPassword);
    await l.locator('button[type="submit"]').click();
    await l.locator('.denied[data-for="kbs"]').waitFor({ timeout: 30_000 });
    out.limitedKbNotice = await l.locator('.denied[data-for="kbs"]').innerText();
    out.limitedFeedbackNotice = await l.locator('.denied[data-for="feedback"]').innerText();
    out.limitedKeysDenied = await l.locator('.denied[data-for="keys"]').count();
    await l.screenshot({ path: `${artifacts}/signin-limited-manage.png`, fullPage: true });
    await limited.close();
  }

  const customer = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
  const w = await customer.newPage();
  w.on('pageerror', (e) => out.consoleErrors.push('widget pageerror: ' + e.message));
  w.on('console', (m) => { if (m.type() === 'error') out.consoleErrors.push('widget: ' + m.text()); });
  w.on('response', watch);
  await w.goto(base + '/widget/demo.html');
  const chat = w.locator('finassist-chat');
  await chat.locator('textarea').fill('股票交易时间是几点到几点？');
  await chat.locator('textarea').press('Enter');
  const answer = chat.locator('.answer').first();
  await answer.waitFor({ timeout: 30_000 });
  await chat.locator('.answer[data-done="true"]').first().waitFor({ timeout: 60_000 });
  out.widgetAnswer = await answer.locator('.md').innerText();
  await w.screenshot({ path: `${artifacts}/signin-widget.png`, fullPage: true });
} catch (e) {
  out.error = String(e && e.message || e);
} finally {
  await browser.close();
  console.log(JSON.stringify(out));
}
