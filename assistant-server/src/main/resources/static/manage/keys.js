// Virtual keys: each API key's policy (allowlists, rates, CNY budgets, expiry) and its spend per model and day.
// All text from the server is set with textContent.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const tokenInput = $('token');
  tokenInput.value = sessionStorage.getItem('finassist.token') || '';
  tokenInput.addEventListener('change', () => { sessionStorage.setItem('finassist.token', tokenInput.value.trim()); load(); });
  let keys = [];

  function el(tag, text) {
    const e = document.createElement(tag);
    if (text != null) e.textContent = String(text);
    return e;
  }

  function row(cells) {
    const tr = el('tr');
    for (const c of cells) tr.append(c instanceof Node ? c : el('td', c == null ? '' : c));
    return tr;
  }

  function note(text) { $('note').textContent = text || ''; }

  async function call(path, init = {}) {
    const headers = { ...(init.headers || {}) };
    const token = tokenInput.value.trim();
    if (token) headers.Authorization = 'Bearer ' + token;
    if (typeof init.body === 'string') headers['Content-Type'] = 'application/json';
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    if (csrf && init.method && init.method !== 'GET') headers['X-XSRF-TOKEN'] = decodeURIComponent(csrf.slice(11));
    const r = await fetch(path, { ...init, headers });
    const body = r.status === 204 ? null : await r.json().catch(() => null);
    if (!r.ok) throw new Error((body && (body.message || body.detail)) || 'HTTP ' + r.status);
    return body;
  }

  async function guarded(fn) {
    try { note(''); await fn(); } catch (e) { note('操作失败：' + e.message); }
  }

  const pair = (a, b) => (a || b ? (a || '—') + ' / ' + (b || '—') : '不限');

  function fill(select) {
    const keep = select.value;
    select.replaceChildren(...keys.filter((k) => !k.revokedAt).map((k) => {
      const o = el('option', k.id + ' · ' + k.name);
      o.value = k.id;
      return o;
    }));
    if (keep) select.value = keep;
  }

  async function load() {
    keys = await call('/admin/api-keys');
    $('keys').replaceChildren(...keys.filter((k) => !k.revokedAt).map((k) => {
      const p = k.policy || {};
      const use = el('button', '编辑');
      use.type = 'button';
      use.addEventListener('click', () => edit(k));
      return row([k.id, k.name, (k.scopes || []).join(', '), (p.models || []).join(', ') || '不限',
        pair(p.requestsPerMinute, p.tokensPerMinute), pair(p.dailySoftCny, p.dailyHardCny),
        pair(p.monthlySoftCny, p.monthlyHardCny), p.expiresAt ? new Date(p.expiresAt).toLocaleString('zh-CN') : '不过期',
        use]);
    }));
    fill($('p-key'));
    fill($('s-key'));
  }

  function edit(k) {
    const p = k.policy || {};
    $('p-key').value = k.id;
    $('p-models').value = (p.models || []).join(', ');
    $('p-routes').value = (p.routes || []).join(', ');
    $('p-rpm').value = p.requestsPerMinute || '';
    $('p-tpm').value = p.tokensPerMinute || '';
    $('p-day-soft').value = p.dailySoftCny ?? '';
    $('p-day-hard').value = p.dailyHardCny ?? '';
    $('p-month-soft').value = p.monthlySoftCny ?? '';
    $('p-month-hard').value = p.monthlyHardCny ?? '';
    $('p-expires').value = p.expiresAt ? new Date(p.expiresAt).toISOString().slice(0, 16) : '';
  }

  const list = (v) => v.split(',').map((s) => s.trim()).filter(Boolean);
  const num = (v) => (v === '' ? null : Number(v));

  $('policy-form').addEventListener('submit', (e) => {
    e.preventDefault();
    guarded(async () => {
      const policy = {
        models: list($('p-models').value), routes: list($('p-routes').value),
        requestsPerMinute: num($('p-rpm').value) || 0, tokensPerMinute: num($('p-tpm').value) || 0,
        dailySoftCny: num($('p-day-soft').value), dailyHardCny: num($('p-day-hard').value),
        monthlySoftCny: num($('p-month-soft').value), monthlyHardCny: num($('p-month-hard').value),
        expiresAt: $('p-expires').value ? new Date($('p-expires').value).toISOString() : null,
      };
      await call('/admin/api-keys/' + $('p-key').value + '/policy', { method: 'PUT', body: JSON.stringify(policy) });
      note('策略已保存。');
      await load();
    });
  });

  $('spend-form').addEventListener('submit', (e) => {
    e.preventDefault();
    guarded(async () => {
      const q = new URLSearchParams();
      if ($('s-from').value) q.set('from', $('s-from').value);
      if ($('s-to').value) q.set('to', $('s-to').value);
      const s = await call('/admin/api-keys/' + $('s-key').value + '/spend?' + q);
      $('s-summary').textContent = s.from + ' 至 ' + s.to + '：' + s.requests + ' 次请求，输入 ' + s.promptTokens
        + ' / 输出 ' + s.completionTokens + ' 令牌，共 ' + s.costCny + ' 元。今日 ' + s.todayCny + ' 元，本月 '
        + s.monthCny + ' 元（预算按此判断）。';
      $('spend').replaceChildren(...s.rows.map((r) => row([r.day, r.model, r.requests, r.promptTokens,
        r.completionTokens, r.costCny])));
    });
  });

  guarded(load);
})();
