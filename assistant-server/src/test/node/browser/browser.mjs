// One phase of the browser test per run: node browser.mjs <baseUrl> <phase> <artifactDir> [args...]
// Prints one JSON line with what it saw; BrowserIT (Java) asserts on it and scripts the fake upstream between runs.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [base, phase, artifacts, ...args] = process.argv.slice(2);
const origin = new URL(base).origin;
mkdirSync(artifacts, { recursive: true });
const out = { phase, consoleErrors: [], foreignRequests: [], dialogs: [] };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

async function open(path, viewport = { width: 1280, height: 860 }, extra = {}) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', ...extra });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') out.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => out.consoleErrors.push('pageerror: ' + e.message));
  // the admin page asks before deleting; any other dialog (an alert from injected script) is a failure
  page.on('dialog', (d) => {
    if (d.type() === 'confirm') d.accept().catch(() => {});
    else { out.dialogs.push(d.message()); d.dismiss().catch(() => {}); }
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.protocol !== 'blob:' && u.origin !== origin) out.foreignRequests.push(r.url());
  });
  await page.goto(base + path);
  return page;
}

const widget = (page) => page.locator('finassist-chat');
const shot = (page, name) => page.screenshot({ path: `${artifacts}/${name}.png`, fullPage: true });

/** Sends a question and waits for the answer; records whether partial text was seen while streaming. */
async function ask(page, text) {
  const w = widget(page);
  const before = await w.locator('.answer').count();
  await w.locator('textarea').fill(text);
  await w.locator('textarea').press('Enter');
  const answer = w.locator('.answer').nth(before);
  await answer.waitFor();
  let partial = false;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const [done, body] = await Promise.all([answer.getAttribute('data-done'), answer.locator('.md').innerText()]);
    if (done === 'true') break;
    if (body.length > 0) partial = true;
    await page.waitForTimeout(15);
  }
  return {
    answer,
    partial,
    text: await answer.locator('.md').innerText(),
    tokens: Number(await answer.getAttribute('data-tokens')),
    done: (await answer.getAttribute('data-done')) === 'true',
    scenario: await answer.getAttribute('data-scenario'),
  };
}

async function chat() {
  const page = await open('/widget/demo.html');
  const w = widget(page);
  const faq = await ask(page, args[0]);
  out.faq = { text: faq.text, partial: faq.partial, tokens: faq.tokens, done: faq.done, scenario: faq.scenario,
    citeButtons: await faq.answer.locator('.md button.cite').count(),
    aiLabel: await faq.answer.locator('.foot .ai').innerText() };
  if (out.faq.citeButtons > 0) {
    await faq.answer.locator('.md button.cite').first().click();
    const dialog = w.locator('.dialog');
    await dialog.waitFor({ state: 'visible' });
    out.faq.passageTitle = await dialog.locator('h3').innerText();
    out.faq.passageText = await dialog.locator('.passage').innerText();
    out.faq.focusInDialog = await page.evaluate(() =>
      document.querySelector('finassist-chat').shadowRoot.activeElement?.className);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  }
  out.faq.announced = await w.locator('.sr').innerText();
  await shot(page, 'chat-faq');
  await faq.answer.locator('.fb-no').click();
  await faq.answer.locator('.reason[data-reason="inaccurate"]').click();
  await faq.answer.locator('.fb-note').filter({ hasText: '感谢' }).waitFor();
  out.feedbackNote = await faq.answer.locator('.fb-note').innerText();
  await w.locator('button.handoff').click();
  await w.locator('.handoff-msg').waitFor();
  out.handoff = await w.locator('.handoff-msg').innerText();

  const diag = await ask(page, '诊股 600000');
  const card = diag.answer.locator('.diagnosis');
  await card.locator('h3').waitFor({ timeout: 30_000 });
  out.diagnosis = { scenario: diag.scenario, title: await card.locator('h3').innerText(),
    bars: await card.locator('.bar').count(), radar: await card.locator('svg.radar polygon').count(),
    facts: await card.locator('.facts > div').count(), narrative: diag.text,
    disclaimer: await diag.answer.locator('.disclaimer').innerText() };
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'chat-diagnosis');

  await w.locator('.chips button', { hasText: '开户指引' }).click();
  await w.locator('.opening button.upload').waitFor();
  out.openingSteps = await w.locator('.opening li').count();
  out.photos = [];
  for (const [i, file] of [args[1], args[2]].entries()) {
    await w.locator('input[type=file]').setInputFiles(file);
    const result = w.locator('.idphoto').nth(i);
    await result.locator('.verdict').waitFor({ timeout: 90_000 });
    out.photos.push({ accepted: await result.getAttribute('data-accepted'), verdict: await result.locator('.verdict').innerText(),
      guidance: await result.locator('.guidance li').allInnerTexts(),
      checks: await result.locator('.checks li').allInnerTexts(), retake: await result.locator('.retake').count() });
  }
  await shot(page, 'chat-id-photos');
}

async function inject() {
  const page = await open('/widget/demo.html');
  const a = await ask(page, args[0]);
  const md = a.answer.locator('.md');
  out.inject = { text: a.text, done: a.done, scenario: a.scenario, imgs: await md.locator('img').count(),
    anchors: await md.locator('a').evaluateAll((as) => as.map((x) => x.getAttribute('href'))),
    elements: await md.locator('*').evaluateAll((es) => [...new Set(es.map((e) => e.tagName.toLowerCase()))]) };
  await page.waitForTimeout(300);
  await shot(page, 'chat-injection');
}

async function mobile() {
  const page = await open('/widget/demo.html', { width: 360, height: 740 }, { isMobile: true, hasTouch: true });
  const w = widget(page);
  await w.locator('.chips button', { hasText: '常见问题' }).click();
  await w.locator('.faq-q').first().click();
  const answer = w.locator('.answer').first();
  await answer.and(page.locator('finassist-chat .answer[data-done="true"]')).waitFor({ timeout: 60_000 });
  const box = await w.boundingBox();
  out.mobile = { scrollWidth: await page.evaluate(() => document.documentElement.scrollWidth),
    widgetWidth: box.width, answer: await answer.locator('.md').innerText(),
    sendVisible: await w.locator('button.send').isVisible(), handoffVisible: await w.locator('button.handoff').isVisible(),
    chipsInView: await w.locator('.chips button').evaluateAll((bs) => bs.every((b) => b.getBoundingClientRect().right <= 360)) };
  await shot(page, 'chat-360px');
}

async function offline() {
  const page = await open('/widget/demo.html');
  const w = widget(page);
  await page.context().setOffline(true);
  await w.locator('textarea').fill(args[0]);
  await w.locator('textarea').press('Enter');
  await w.locator('.status').filter({ hasText: '网络已断开' }).waitFor({ timeout: 10_000 });
  out.offlineStatus = await w.locator('.status').innerText();
  await shot(page, 'chat-offline');
  await page.context().setOffline(false);
  const answer = w.locator('.answer[data-done="true"]');
  await answer.waitFor({ timeout: 60_000 });
  out.resumed = { answers: await w.locator('.answer').count(), text: await answer.locator('.md').innerText() };
  // the browser's own network error while offline is expected console noise, not a widget error
  out.consoleErrors = out.consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e));
}

async function ops() {
  const page = await open('/ops?refresh=2');
  await page.locator('#answers[data-value]').waitFor({ timeout: 30_000 });
  const first = await page.locator('#at').innerText();
  await page.locator('#at').filter({ hasNotText: first }).waitFor({ timeout: 10_000 });
  out.refreshed = true;
  out.ops = await page.locator('[data-value]').evaluateAll((es) =>
    Object.fromEntries(es.map((e) => [e.id, Number(e.getAttribute('data-value'))])));
  out.ops.charts = await page.locator('.chart canvas').count();
  await shot(page, 'ops-dashboard');
  const admin = await open('/manage');
  await admin.locator('#kbs tr[data-kb="demo"]').waitFor({ timeout: 30_000 });
  await admin.locator('#search-kb').selectOption('demo');
  await admin.locator('#search-q').fill(args[0]);
  await admin.locator('#search-form button').click();
  await admin.locator('#passages .passage').first().waitFor({ timeout: 30_000 });
  out.admin = { kbs: await admin.locator('#kbs tr[data-kb]').count(),
    passages: await admin.locator('#passages .passage').count(),
    firstLegs: await admin.locator('#passages .passage .legs').first().innerText(),
    feedback: await admin.locator('#feedback tr[data-id]').count() };
  await admin.locator('#kb-id').fill('browser-kb');
  await admin.locator('#kb-name').fill('浏览器测试库');
  await admin.locator('#kb-form button').click();
  await admin.locator('#kbs tr[data-kb="browser-kb"]').waitFor();
  await admin.locator('#upload-kb').selectOption('browser-kb');
  await admin.locator('#upload-files').setInputFiles({ name: 'night-trading.md', mimeType: 'text/markdown',
    buffer: Buffer.from('# 夜盘规则\n\n本演示券商的期权夜盘交易时间为每个交易日21:00至次日02:30，仅限测试品种。\n') });
  await admin.locator('#upload-form button').click();
  await admin.locator('#upload-progress').filter({ hasText: 'INDEXED' }).waitFor({ timeout: 60_000 });
  out.admin.upload = await admin.locator('#upload-progress').innerText();
  await admin.locator('#docs tr[data-doc]').first().waitFor();
  out.admin.docs = await admin.locator('#docs tr[data-doc]').count();
  await admin.locator('#search-kb').selectOption('browser-kb');
  await admin.locator('#search-q').fill('夜盘几点开始');
  await admin.locator('#search-form button').click();
  await admin.locator('#passages .passage', { hasText: '21:00' }).waitFor({ timeout: 30_000 });
  await admin.locator('#kbs tr[data-kb="browser-kb"] button', { hasText: '重建索引' }).click();
  await admin.locator('#upload-progress').filter({ hasText: '重建索引完成' }).waitFor({ timeout: 60_000 });
  out.admin.reindex = await admin.locator('#upload-progress').innerText();
  await admin.locator('#kbs tr[data-kb="browser-kb"] button', { hasText: '删除' }).click();
  await admin.locator('#kbs tr[data-kb="browser-kb"]').waitFor({ state: 'detached' });
  out.admin.kbsAfterDelete = await admin.locator('#kbs tr[data-kb]').count();
  await admin.locator('#key-name').fill('browser-test');
  await admin.locator('#key-form button').click();
  await admin.locator('#new-key').filter({ hasText: 'fa-' }).waitFor();
  await admin.locator('#keys tr[data-id]').first().waitFor();
  out.admin.keys = await admin.locator('#keys tr[data-id]').count();
  out.admin.keyRole = await admin.locator('#keys tr[data-id] td').nth(2).innerText();
  await shot(admin, 'admin');
}

async function funnel() {
  const page = await open('/ops/funnel.html?refresh=2');
  await page.locator('#started[data-value]').waitFor({ timeout: 30_000 });
  const values = async (p) => p.locator('[data-value]').evaluateAll((es) =>
    Object.fromEntries(es.map((e) => [e.id, e.getAttribute('data-value') === '' ? null : Number(e.getAttribute('data-value'))])));
  out.funnel = { real: await values(page), bannerHidden: await page.locator('#simulated-banner').isHidden() };
  await page.locator('#source').selectOption('simulated');
  await page.locator('#simulated-banner').waitFor({ state: 'visible' });
  // Reasons only after the 7-day range is shown: "today" (Asia/Shanghai) starts at 16:00 UTC, and in its first
  // half hour no simulated session has been abandoned yet, so today's reasons table is legitimately empty.
  await page.locator('#range').selectOption('7d');
  await page.locator('body[data-shown="7d/simulated"]').waitFor({ timeout: 10_000 });
  await page.locator('#reasons tr[data-step]').first().waitFor({ timeout: 10_000 });
  Object.assign(out.funnel, { simulated: await values(page), charts: await page.locator('.chart canvas').count(),
    reasons: await page.locator('#reasons tr[data-step]').allInnerTexts(),
    experiment: await page.locator('#experiment').innerText(),
    csvHref: await page.locator('#csv-steps').getAttribute('href') });
  const csv = await page.request.get(base + out.funnel.csvHref);
  out.funnel.csv = { status: csv.status(), type: csv.headers()['content-type'], lines: (await csv.text()).trim().split('\r\n').length };
  await shot(page, 'funnel');
  const wall = await open('/ops/funnel.html?big=1&source=simulated&range=7d&refresh=2', { width: 1920, height: 1080 });
  await wall.waitForFunction(() => Number(document.body.dataset.refreshes || 0) >= 2, null, { timeout: 20_000 });
  out.big = await wall.evaluate(() => ({ big: document.body.classList.contains('big'),
    scrollWidth: document.documentElement.scrollWidth, scrollHeight: document.documentElement.scrollHeight,
    background: getComputedStyle(document.body).backgroundColor,
    controlsVisible: getComputedStyle(document.querySelector('.controls')).display !== 'none',
    banner: !document.getElementById('simulated-banner').hidden, refreshes: Number(document.body.dataset.refreshes) }));
  out.big.charts = await wall.locator('.chart canvas').count();
  out.big.chartsInView = await wall.locator('.chart').evaluateAll((cs) => cs.every((c) => c.getBoundingClientRect().bottom <= 1080));
  await wall.screenshot({ path: `${artifacts}/funnel-big-screen.png` });
}

/** A customer asks for a person: the widget shows the hand-off message, an agent replies from the inbox, the
 *  widget shows the reply; then the /manage inbox lists the conversation with its reason. */
async function handoff() {
  const page = await open('/widget/demo.html');
  const w = widget(page);
  await w.evaluate((e) => e.setAttribute('agent-poll-ms', '500'));
  const a = await ask(page, args[0]);
  const banner = w.locator('.handoff-msg');
  await banner.waitFor({ timeout: 30_000 });
  out.handoff = { answer: a.text, done: a.done, banner: await banner.innerText(),
    reason: await banner.getAttribute('data-reason') };
  const cid = await w.evaluate((e) => e.conversationId);
  const admin = await open('/manage');
  const row = admin.locator(`#inbox tr[data-cid="${cid}"]`);
  await row.waitFor({ timeout: 30_000 });
  out.inbox = { row: await row.innerText() };
  await row.locator('button', { hasText: '认领' }).click();
  await admin.locator('#inbox-history .line').first().waitFor();
  out.inbox.history = await admin.locator('#inbox-history .line').count();
  await admin.locator('#inbox-reply-text').fill(args[1]);
  await admin.locator('#inbox-reply-form button').click();
  const reply = w.locator('.agent');
  await reply.waitFor({ timeout: 30_000 });
  out.agentReply = await reply.innerText();
  await shot(page, 'widget-handoff');
  await admin.locator('#inbox-resolve').click();
  await admin.locator(`#inbox tr[data-cid="${cid}"][data-status="resolved"]`).waitFor({ timeout: 10_000 });
  await admin.locator('#inbox-draft').click();
  await admin.locator('#drafts tr[data-id]').first().waitFor({ timeout: 10_000 });
  out.inbox.drafts = await admin.locator('#drafts tr[data-id]').count();
  await shot(admin, 'manage-inbox');
}

try {
  await ({ chat, inject, mobile, offline, ops, handoff, funnel })[phase]();
  out.ok = true;
} catch (e) {
  out.ok = false;
  out.error = String(e && e.stack || e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
