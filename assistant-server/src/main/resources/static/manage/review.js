// The content-review page: lists articles by review state (GET /api/commentary/review), shows one, and approves
// (which publishes it through the configured hook) or rejects it with a reason. All server text is set with
// textContent.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const STATES = ['pending', 'approved', 'rejected', 'blocked'];
  let state = 'pending';
  let current = null;

  for (const [input, key] of [[$('token'), 'finassist.token'], [$('reviewer'), 'finassist.reviewer']]) {
    input.value = sessionStorage.getItem(key) || '';
    input.addEventListener('change', () => sessionStorage.setItem(key, input.value.trim()));
  }
  $('token').addEventListener('change', () => load());

  function el(tag, text) {
    const e = document.createElement(tag);
    if (text != null) e.textContent = String(text);
    return e;
  }

  function note(text) {
    $('note').textContent = text || '';
  }

  async function call(path, init = {}) {
    const headers = { ...(init.headers || {}) };
    const token = $('token').value.trim();
    if (token) headers.Authorization = 'Bearer ' + token;
    if (typeof init.body === 'string') headers['Content-Type'] = 'application/json';
    // signed in with the operator form: the session cookie needs the CSRF token on changes (Spring's XSRF-TOKEN)
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    if (csrf && init.method && init.method !== 'GET') headers['X-XSRF-TOKEN'] = decodeURIComponent(csrf.slice(11));
    const r = await fetch(path, { ...init, headers });
    const body = await r.json().catch(() => null);
    if (!r.ok) throw new Error((body && (body.detail || body.message)) || 'HTTP ' + r.status);
    return body;
  }

  async function guarded(fn) {
    try {
      note('');
      await fn();
    } catch (e) {
      note('Failed: ' + e.message);
    }
  }

  function tabs(counts) {
    $('states').replaceChildren(...STATES.map((s) => {
      const b = el('button', s + ' (' + (counts[s] || 0) + ')');
      b.type = 'button';
      b.setAttribute('role', 'tab');
      b.dataset.state = s;
      b.setAttribute('aria-selected', String(s === state));
      b.addEventListener('click', () => { state = s; load(); });
      return b;
    }));
  }

  async function load() {
    await guarded(async () => {
      const page = await call('/api/commentary/review?state=' + state + '&limit=200');
      tabs(page.counts);
      $('hook').textContent = page.publishHook;
      $('items').replaceChildren(...page.items.map((a) => {
        const tr = el('tr');
        tr.dataset.id = a.id;
        tr.setAttribute('aria-selected', String(current === a.id));
        for (const c of [a.date, a.type, a.subject, a.title, a.reviewState, a.reviewer || '',
          a.publishedAt ? 'yes' : (a.publishError ? 'failed: ' + a.publishError : '')]) tr.append(el('td', c));
        tr.addEventListener('click', () => show(a));
        return tr;
      }));
      if (current && !page.items.some((a) => a.id === current)) hide();
    });
  }

  function show(a) {
    current = a.id;
    $('article').hidden = false;
    $('article-id').textContent = a.id + ' · ' + a.reviewState + (a.reason ? ' · reason: ' + a.reason : '');
    $('article-text').textContent = a.markdown;
    $('decide').hidden = a.reviewState !== 'pending';
    for (const tr of $('items').children) tr.setAttribute('aria-selected', String(tr.dataset.id === a.id));
  }

  function hide() {
    current = null;
    $('article').hidden = true;
  }

  async function decide(action) {
    await guarded(async () => {
      // the server records the signed-in operator; the name field only labels an unauthenticated dev session
      const reviewer = $('reviewer').value.trim();
      const body = { id: current, reviewer };
      if (action === 'reject') {
        body.reason = $('reason').value.trim();
        if (!body.reason) throw new Error('a rejection needs a reason');
      }
      const a = await call('/api/commentary/review/' + action, { method: 'POST', body: JSON.stringify(body) });
      $('reason').value = '';
      const outcome = a.reviewState + (a.publishedAt ? ', published' : a.publishError ? ', publish failed: ' + a.publishError : '');
      hide();
      await load();
      note(a.id + ': ' + outcome);
    });
  }

  $('approve').addEventListener('click', () => decide('approve'));
  $('reject').addEventListener('click', () => decide('reject'));
  load();
})();
