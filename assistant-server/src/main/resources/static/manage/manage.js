// The admin page: knowledge bases (create, upload with job progress, documents, delete), the retrieval test,
// the agents' inbox of handed-off conversations with FAQ drafts, customers' feedback, and API keys. All text from the server is set with textContent.
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
      const err = new Error(problem || (typeof e === 'string' ? e : (e && (e.message || e.detail))) || 'HTTP ' + r.status);
      err.status = r.status;
      const granted = /granted to: ([^)]*)\)/.exec((body && body.detail) || '');
      err.grants = granted ? granted[1] : '';
      throw err;
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
      button('待复核', () => guarded(() => loadReview(kb.id))), ' ',
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

  const REVIEW_REASONS = { EXPIRED: '已过期（不再被检索）', EXPIRING: '即将到期', UNDATED: '未注明生效日期' };

  /** Entries whose dates say they must be looked at again: expired, expiring within 60 days, or undated. */
  async function loadReview(kbId) {
    const items = await call('/api/kb/' + encodeURIComponent(kbId) + '/review?days=60');
    const table = el('table');
    table.append(row(['原因', '文档', '条目', '来源', '生效日', '失效日']));
    for (const r of items) {
      table.append(row([REVIEW_REASONS[r.reason] || r.reason, r.title, r.question || '（整篇文档）', r.source || '',
        r.effectiveFrom || '', r.effectiveUntil || '']));
    }
    $('docs').replaceChildren(el('h3', '知识库 ' + kbId + ' 待复核的条目（' + items.length + '）'), table);
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

  // the agents' inbox: handed-off conversations, claim, reply (the widget shows it), resolve, save as FAQ draft
  const REASONS = { explicit: '主动要求', complaint: '投诉', fraud: '资金安全/诈骗', distress: '情绪危机',
    repeated_decline: '连续未解答', button: '点击转人工' };
  const STATUS = { waiting: '等待接入', claimed: '处理中', resolved: '已解决' };
  const agentInput = $('inbox-agent');
  agentInput.value = sessionStorage.getItem('finassist.agent') || agentInput.value;
  agentInput.addEventListener('change', () => sessionStorage.setItem('finassist.agent', agentInput.value.trim()));
  let openCid = null;
  const act = (cid, what, extra = {}) => call('/admin/inbox/' + encodeURIComponent(cid) + '/' + what,
    { method: 'POST', body: JSON.stringify({ agent: agentInput.value.trim(), ...extra }) });

  async function loadInbox() {
    const items = await call('/admin/inbox');
    $('inbox').replaceChildren(...items.map((i) => row([
      i.handedOffAt ? new Date(i.handedOffAt).toLocaleString('zh-CN', { hour12: false }) : '',
      (REASONS[i.reason] || i.reason) + ' (' + i.reason + ')', STATUS[i.status] || i.status, i.agent || '',
      (i.lastQuestion || '').slice(0, 80),
      i.status === 'waiting' ? button('认领', () => guarded(async () => { await act(i.conversationId, 'claim'); await openConversation(i.conversationId); }))
        : button('查看', () => guarded(() => openConversation(i.conversationId)))],
      { 'data-cid': i.conversationId, 'data-status': i.status })));
    const drafts = await call('/admin/faq-drafts');
    $('drafts').replaceChildren(...drafts.map((d) => row([d.id, d.question, d.answer.slice(0, 120), d.status,
      d.status === 'draft' ? el('span') : ''], { 'data-id': d.id })));
    for (const tr of $('drafts').querySelectorAll('tr')) {
      const d = drafts.find((x) => String(x.id) === tr.getAttribute('data-id'));
      if (d && d.status === 'draft') {
        tr.lastChild.replaceChildren(
          button('通过', () => guarded(async () => { await call('/admin/faq-drafts/' + d.id + '/approve', { method: 'POST' }); await loadInbox(); })),
          button('驳回', () => guarded(async () => { await call('/admin/faq-drafts/' + d.id + '/reject', { method: 'POST' }); await loadInbox(); })));
      }
    }
  }

  async function openConversation(cid) {
    openCid = cid;
    const lines = await call('/admin/inbox/' + encodeURIComponent(cid));
    const who = { user: '客户', assistant: '智能助手', agent: '人工客服' };
    $('inbox-title').textContent = '会话 ' + cid;
    $('inbox-history').replaceChildren(...lines.map((l) => el('li', (who[l.role] || l.role) + '：' + l.content, 'line ' + l.role)));
    $('inbox-open').hidden = false;
    await loadInbox();
  }

  $('inbox-refresh').addEventListener('click', () => guarded(loadInbox));
  $('inbox-reply-form').addEventListener('submit', (e) => {
    e.preventDefault();
    guarded(async () => {
      await act(openCid, 'reply', { text: $('inbox-reply-text').value.trim() });
      $('inbox-reply-text').value = '';
      await openConversation(openCid);
    });
  });
  $('inbox-resolve').addEventListener('click', () => guarded(async () => { await act(openCid, 'resolve'); await openConversation(openCid); }));
  $('inbox-draft').addEventListener('click', () => guarded(async () => {
    const lines = await call('/admin/inbox/' + encodeURIComponent(openCid));
    const question = [...lines].reverse().find((l) => l.role === 'user');
    const answer = [...lines].reverse().find((l) => l.role === 'agent');
    if (!question || !answer) throw new Error('需要客户的问题和坐席的回复');
    await act(openCid, 'faq-draft', { question: question.content, answer: answer.content });
    await loadInbox();
  }));

  // a section the operator's roles do not cover says so (and which role would), instead of an empty table
  async function section(tbodyId, fn) {
    const table = $(tbodyId).closest('table');
    const old = table.parentNode.querySelector('.denied[data-for="' + tbodyId + '"]');
    if (old) old.remove();
    try {
      await fn();
    } catch (e) {
      if (e.status !== 403 && e.status !== 401) { note('操作失败：' + e.message); return; }
      const p = el('p', '当前账号无权查看此部分' + (e.grants ? '（需要以下角色之一：' + e.grants + '）' : '') + '。', 'denied');
      p.setAttribute('data-for', tbodyId);
      table.before(p);
    }
  }

  function loadAll() {
    section('inbox', loadInbox);
    section('kbs', loadKbs);
    section('feedback', loadFeedback);
    section('keys', loadKeys);
  }
  loadAll();
})();
