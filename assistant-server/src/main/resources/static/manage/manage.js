// The admin page: knowledge bases (create, upload with job progress, documents, delete), the retrieval test,
// customers' feedback, and API keys. All text from the server is set with textContent.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const tokenInput = $('token');
  tokenInput.value = sessionStorage.getItem('finassist.token') || '';
  tokenInput.addEventListener('change', () => { sessionStorage.setItem('finassist.token', tokenInput.value.trim()); loadAll(); });

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text != null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function row(cells, attrs = {}) {
    const tr = el('tr');
    for (const [k, v] of Object.entries(attrs)) tr.setAttribute(k, v);
    for (const c of cells) {
      const td = el('td');
      td.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c)));
      tr.append(td);
    }
    return tr;
  }

  function button(text, onClick) {
    const b = el('button', text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function note(text) {
    $('note').textContent = text || '';
  }

  async function call(path, init = {}) {
    const headers = { ...(init.headers || {}) };
    const token = tokenInput.value.trim();
    if (token) headers.Authorization = 'Bearer ' + token;
    if (typeof init.body === 'string') headers['Content-Type'] = 'application/json';
    // signed in with the operator form: the session cookie needs the CSRF token on changes (Spring's XSRF-TOKEN)
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    if (csrf && init.method && init.method !== 'GET') headers['X-XSRF-TOKEN'] = decodeURIComponent(csrf.slice(11));
    const r = await fetch(path, { ...init, headers });
    const body = r.status === 204 ? null : await r.json().catch(() => null);
    if (!r.ok) {
      const e = body && body.error;
      const problem = body && (body.detail || body.message);
      throw new Error(problem || (typeof e === 'string' ? e : (e && (e.message || e.detail))) || 'HTTP ' + r.status);
    }
    return body;
  }

  async function guarded(fn) {
    try {
      note('');
      await fn();
    } catch (e) {
      note('操作失败：' + e.message);
    }
  }

  async function loadKbs() {
    const kbs = await call('/api/kb');
    $('kbs').replaceChildren(...kbs.map((kb) => row([kb.id, kb.name, kb.documents, kb.chunks, actions(kb)], { 'data-kb': kb.id })));
    for (const sel of [$('upload-kb'), $('search-kb')]) {
      const keep = sel.value;
      sel.replaceChildren(...kbs.map((kb) => { const o = el('option', kb.name + '（' + kb.id + '）'); o.value = kb.id; return o; }));
      if (kbs.some((kb) => kb.id === keep)) sel.value = keep;
    }
  }

  function actions(kb) {
    const span = el('span');
    span.append(button('文档', () => guarded(() => loadDocs(kb.id))), ' ',
      button('重建索引', () => guarded(() => reindex(kb.id))), ' ',
      button('删除', () => guarded(async () => {
        if (!confirm('删除知识库 ' + kb.id + ' 及其全部文档？')) return;
        await call('/api/kb/' + encodeURIComponent(kb.id), { method: 'DELETE' });
        await loadKbs();
      })));
    return span;
  }

  /** Re-embeds and re-segments every stored chunk (after a dictionary or model change), showing the job's progress. */
  async function reindex(kbId) {
    let job = await call('/api/kb/' + encodeURIComponent(kbId) + '/reindex', { method: 'POST' });
    while (job.state === 'QUEUED' || job.state === 'RUNNING') {
      const p = job.progress;
      $('upload-progress').textContent = '重建索引：第 ' + (p.fileIndex + 1) + '/' + p.fileCount + ' 个文档 ' + (p.file || '')
        + (p.chunksTotal ? '，分块 ' + p.chunksDone + '/' + p.chunksTotal : '');
      await new Promise((r) => setTimeout(r, 700));
      job = await call('/api/kb/jobs/' + encodeURIComponent(job.jobId));
    }
    const failed = (job.results || []).filter((r) => r.status === 'FAILED');
    $('upload-progress').textContent = '重建索引完成：' + (job.results || []).length + ' 个文档'
      + (failed.length ? '，失败 ' + failed.map((r) => r.file + '（' + r.error + '）').join('；') : '');
    await loadKbs();
  }

  async function loadDocs(kbId) {
    const docs = await call('/api/kb/' + encodeURIComponent(kbId) + '/documents');
    const table = el('table');
    table.append(row(['标题', '类型', '分块', '']));
    for (const d of docs) {
      table.append(row([d.title, d.docType, d.chunkCount, button('删除', () => guarded(async () => {
        await call('/api/kb/' + encodeURIComponent(kbId) + '/documents/' + encodeURIComponent(d.docId), { method: 'DELETE' });
        await loadDocs(kbId);
        await loadKbs();
      }))], { 'data-doc': d.docId }));
    }
    $('docs').replaceChildren(el('h3', '知识库 ' + kbId + ' 的文档（' + docs.length + '）'), table);
  }

  $('kb-form').addEventListener('submit', (e) => {
    e.preventDefault();
    guarded(async () => {
      await call('/api/kb', { method: 'POST', body: JSON.stringify({ id: $('kb-id').value.trim(), name: $('kb-name').value.trim() }) });
      $('kb-form').reset();
      await loadKbs();
    });
  });

  $('upload-form').addEventListener('submit', (e) => {
    e.preventDefault();
    guarded(async () => {
      const kb = $('upload-kb').value;
      const form = new FormData();
      for (const f of $('upload-files').files) form.append('files', f, f.name);
      let job = await call('/api/kb/' + encodeURIComponent(kb) + '/documents', { method: 'POST', body: form });
      while (job.state === 'QUEUED' || job.state === 'RUNNING') {
        const p = job.progress;
        $('upload-progress').textContent = '索引中：第 ' + (p.fileIndex + 1) + '/' + p.fileCount + ' 个文件 ' + (p.file || '')
          + (p.chunksTotal ? '，分块 ' + p.chunksDone + '/' + p.chunksTotal : '');
        await new Promise((r) => setTimeout(r, 700));
        job = await call('/api/kb/jobs/' + encodeURIComponent(job.jobId));
      }
      $('upload-progress').textContent = (job.results || []).map((r) => r.file + '：' + r.status + (r.error ? '（' + r.error + '）' : '')).join('；');
      $('upload-form').reset();
      await loadKbs();
      await loadDocs(kb);
    });
  });

  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    guarded(async () => {
      const r = await call('/api/kb/' + encodeURIComponent($('search-kb').value) + '/search',
        { method: 'POST', body: JSON.stringify({ query: $('search-q').value.trim() }) });
      $('verdict').textContent = { FAQ: '命中常见问题（直接返回答案）', FOUND: '找到相关段落', NOT_FOUND: '没有足够相关的段落' }[r.result] || r.result;
      $('passages').replaceChildren(...r.passages.map((p) => {
        const li = el('li', null, 'passage');
        li.append(el('strong', (p.title || '') + (p.headingPath ? ' · ' + p.headingPath : '')),
          el('div', '得分 ' + p.score.toFixed(4) + ' · 命中方式 ' + p.legs.join(' + ')
            + (p.keywordScore != null ? ' · 关键词 ' + p.keywordScore.toFixed(3) : '')
            + (p.vectorScore != null ? ' · 向量 ' + p.vectorScore.toFixed(3) : '')
            + (p.rerankScore != null ? ' · 重排 ' + p.rerankScore.toFixed(3) : ''), 'legs'),
          el('div', p.faqQuestion ? '问：' + p.faqQuestion + '\n答：' + p.faqAnswer : p.text, 'text'));
        return li;
      }));
    });
  });

  async function loadFeedback() {
    const list = await call('/api/chat/feedback?limit=50');
    $('feedback').replaceChildren(...list.map((f) => row([new Date(f.createdAt).toLocaleString('zh-CN', { hour12: false }),
      f.helpful ? '有帮助' : '没帮助', f.reason || '', f.question || '', (f.answer || '').slice(0, 120),
      (f.citations || []).map((c) => '[' + c.n + '] ' + c.source + (c.heading ? ' > ' + c.heading : '')).join('\n')],
      { 'data-id': f.id })));
  }

  async function loadKeys() {
    const keys = await call('/admin/api-keys');
    $('keys').replaceChildren(...keys.map((k) => row([k.id, k.name, (k.scopes || []).join(', '), k.prefix + '…',
      new Date(k.createdAt).toLocaleString('zh-CN', { hour12: false }), k.revokedAt ? '已吊销' : '有效',
      k.revokedAt ? '' : button('吊销', () => guarded(async () => {
        if (!confirm('吊销密钥 ' + k.name + '？使用它的应用将无法访问。')) return;
        await call('/admin/api-keys/' + k.id, { method: 'DELETE' });
        await loadKeys();
      }))], { 'data-id': k.id })));
  }

  $('key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    guarded(async () => {
      const k = await call('/admin/api-keys', { method: 'POST', body: JSON.stringify({ name: $('key-name').value.trim(), scopes: [$('key-role').value] }) });
      $('new-key').textContent = '新密钥（只显示这一次，请立即保存）：' + k.key;
      $('key-form').reset();
      await loadKeys();
    });
  });

  function loadAll() {
    guarded(loadKbs);
    guarded(loadFeedback);
    guarded(loadKeys);
  }
  loadAll();
})();
