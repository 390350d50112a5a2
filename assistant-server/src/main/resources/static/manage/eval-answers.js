// The answer-evaluation page: starts a run of a shipped or uploaded question set (POST /admin/eval-answers/runs),
// polls it for progress and figures, and lists every miss. All server text is set with textContent.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const MAX_CHARS = 2 * 1024 * 1024;
  let polling = null;

  $('token').value = sessionStorage.getItem('finassist.token') || '';
  $('token').addEventListener('change', () => {
    sessionStorage.setItem('finassist.token', $('token').value.trim());
    guarded(init);
  });

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

  const pct = (x) => (x == null ? '–' : (100 * x).toFixed(1) + '%');
  const num = (x) => (x == null ? '–' : x.toFixed(2));
  const pr = (p) => num(p.precision) + ' / ' + num(p.recall);

  function row(cells) {
    const tr = el('tr');
    for (const c of cells) tr.append(el('td', c));
    return tr;
  }

  function show(run) {
    $('run').hidden = false;
    $('run-name').textContent = run.name + ' (' + run.state + ')';
    $('progress').max = run.total;
    $('progress').value = run.done;
    $('progress-text').textContent = run.done + ' / ' + run.total + (run.failure ? ' — ' + run.failure : '');
    $('figures').replaceChildren(...[run.useful + ' (' + pct(run.usefulRate) + ')', run.harmful,
      pct(run.scenarioAccuracy), pr(run.decline), pr(run.handoff),
      run.latencyP50Millis + ' / ' + run.latencyP95Millis + ' ms'].map((c) => el('td', c)));
    const misses = run.misses || [];
    $('miss-count').textContent = '(' + misses.length + ')';
    $('misses').replaceChildren(...misses.map((m) => {
      const q = (m.previous.length ? m.previous.join(' → ') + ' → ' : '') + m.question;
      const tr = row([m.id, q, m.expected + (m.expectedScenario ? ' · ' + m.expectedScenario : ''),
        m.observed + (m.scenario ? ' · ' + m.scenario : ''), m.problems.join('; '), m.answer]);
      if (m.harmful) tr.className = 'harmful';
      return tr;
    }));
  }

  async function follow(id) {
    clearTimeout(polling);
    const run = await call('/admin/eval-answers/runs/' + encodeURIComponent(id));
    show(run);
    if (run.state === 'queued' || run.state === 'running') {
      polling = setTimeout(() => guarded(() => follow(id)), 1500);
    } else {
      await listRuns();
    }
  }

  async function listRuns() {
    const runs = await call('/admin/eval-answers/runs');
    $('runs').replaceChildren(...runs.map((r) => {
      const tr = row([new Date(r.created).toLocaleString(), r.name, r.state, r.done + ' / ' + r.total,
        pct(r.usefulRate), r.harmful]);
      tr.tabIndex = 0;
      tr.addEventListener('click', () => guarded(() => follow(r.id)));
      return tr;
    }));
  }

  async function init() {
    const sets = await call('/admin/eval-answers/sets');
    $('set').replaceChildren(el('option', '—'), ...sets.map((s) => {
      const o = el('option', s.name + ' (' + s.questions + ')');
      o.value = s.name;
      return o;
    }));
    $('set').firstChild.value = '';
    await listRuns();
  }

  $('start').addEventListener('click', () => guarded(async () => {
    let body;
    const file = $('file').files[0];
    if (file) {
      if (file.size > MAX_CHARS) throw new Error('the file is larger than 2 MB');
      body = { name: file.name, content: await file.text() };
    } else if ($('set').value) {
      body = { set: $('set').value };
    } else {
      throw new Error('choose a shipped set or a file');
    }
    const run = await call('/admin/eval-answers/runs', { method: 'POST', body: JSON.stringify(body) });
    await follow(run.id);
  }));

  guarded(init);
})();
