/*
 * FinAssist chat widget: <script src="https://your-host/widget/finassist-chat.js"></script>
 *                        <finassist-chat api-base="https://your-host" token="<customer JWT>"></finassist-chat>
 * Framework-free custom element in a Shadow DOM. Model text is never parsed as HTML: the Markdown subset below
 * builds DOM nodes with textContent, and links are kept only for http(s) URLs.
 */
(() => {
  'use strict';
  if (customElements.get('finassist-chat')) return;

  const MAX_RETRIES = 5;
  const KEY_FACTS = 6;
  const FAQ = ['开户需要什么条件？', '股票交易时间是几点？', '维持担保比例低于多少要追加担保物？', '股票交易要交哪些费用？'];
  const REASONS = [['inaccurate', '答案不准确'], ['irrelevant', '没回答我的问题'], ['outdated', '信息过时'],
    ['unclear', '看不懂'], ['other', '其他']];
  const CHECKS = { blur: '清晰度', motionBlur: '抖动模糊', brightness: '亮度', glare: '反光', fill: '证件占比',
    card: '证件检测', cutOff: '四角完整', tilt: '倾斜角度', resolution: '分辨率' };
  const STATUS = { PASS: '通过', FAIL: '未通过', SKIPPED: '未检测' };

  const CSS = `
:host { display: block; box-sizing: border-box; width: 100%; max-width: 520px; height: 640px; min-height: 360px;
  font: 15px/1.55 system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
  color: #1d2733; --accent: #c0392b; --line: #e3e7ec; --muted: #5b6775; }
*, *::before, *::after { box-sizing: border-box; }
.box { display: flex; flex-direction: column; height: 100%; border: 1px solid var(--line); border-radius: 10px;
  background: #fff; overflow: hidden; position: relative; }
header { display: flex; align-items: center; gap: 8px; padding: 10px 12px; border-bottom: 1px solid var(--line);
  background: #f7f9fb; flex-wrap: wrap; }
header h2 { font-size: 16px; margin: 0; flex: 1 1 auto; }
.ai { display: inline-block; font-size: 11px; line-height: 16px; border: 1px solid var(--accent); color: var(--accent);
  border-radius: 3px; padding: 0 4px; white-space: nowrap; }
button { font: inherit; cursor: pointer; border: 1px solid #b8c2cc; background: #fff; color: inherit;
  border-radius: 6px; padding: 4px 10px; min-height: 32px; }
button:hover { background: #f0f3f6; }
button:focus-visible, textarea:focus-visible, input:focus-visible { outline: 2px solid #1f6feb; outline-offset: 1px; }
button[disabled] { opacity: .55; cursor: default; }
button.primary { background: #1f6feb; border-color: #1f6feb; color: #fff; }
.status { font-size: 13px; color: #8a4b00; background: #fff6e5; padding: 4px 12px; }
.status:empty { display: none; }
.log { flex: 1 1 auto; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 10px; }
.msg { max-width: 92%; padding: 8px 10px; border-radius: 10px; overflow-wrap: anywhere; }
.user { align-self: flex-end; background: #1f6feb; color: #fff; white-space: pre-wrap; }
.bot { align-self: flex-start; background: #f2f4f7; width: 92%; }
.sys { align-self: center; font-size: 13px; color: var(--muted); text-align: center; }
.handoff-msg { color: var(--fg, #1f2933); background: #fff7e6; border: 1px solid #f5c26b; border-radius: 8px; padding: 8px 10px; }
.agent { align-self: flex-start; background: #eaf6ee; border: 1px solid #9fd4b0; border-radius: 8px; padding: 8px 10px; }
.agent b { display: block; font-size: 12px; color: #2f6f43; }
.err { color: #b42318; }
.md p { margin: 0 0 6px; } .md p:last-child { margin-bottom: 0; }
.md ul, .md ol { margin: 4px 0 6px; padding-left: 22px; }
.md .h { font-weight: 600; margin: 6px 0 4px; }
.md code { background: #e6e9ee; border-radius: 3px; padding: 0 3px; }
.md a { color: #1f6feb; }
button.cite { min-height: 0; padding: 0 3px; margin: 0 1px; font-size: 12px; line-height: 16px; vertical-align: super;
  border-color: #9fb4cc; color: #1f4f8a; }
.foot { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 6px; font-size: 12px; color: var(--muted); }
.foot button { font-size: 12px; min-height: 28px; padding: 2px 8px; }
.sources { margin-top: 6px; font-size: 12px; display: flex; flex-wrap: wrap; gap: 4px; }
.reasons { display: flex; flex-wrap: wrap; gap: 4px; width: 100%; }
.reasons input { flex: 1 1 140px; font: inherit; font-size: 12px; padding: 3px 6px; border: 1px solid #b8c2cc; border-radius: 6px; }
button[aria-pressed="true"] { background: #dbe8ff; border-color: #1f6feb; }
.chips { display: flex; gap: 6px; padding: 6px 12px; border-top: 1px solid var(--line); flex-wrap: wrap; }
.chips button { border-radius: 16px; font-size: 13px; }
form { display: flex; gap: 8px; padding: 8px 12px 12px; }
textarea { flex: 1 1 auto; min-width: 0; resize: none; height: 44px; font: inherit; padding: 8px; border: 1px solid #b8c2cc; border-radius: 8px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px; margin-bottom: 8px; }
.card h3 { font-size: 15px; margin: 0 0 2px; }
.card .sub { font-size: 12px; color: var(--muted); }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap: 2px 10px; margin: 6px 0; font-size: 13px; }
.facts span { color: var(--muted); }
details { font-size: 13px; margin-bottom: 6px; } summary { cursor: pointer; color: #1f4f8a; }
.scores { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.bars { flex: 1 1 160px; font-size: 12px; }
.bar { display: grid; grid-template-columns: 64px 1fr 28px; align-items: center; gap: 6px; margin: 2px 0; }
.bar i { display: block; height: 8px; background: #e6e9ee; border-radius: 4px; overflow: hidden; }
.bar b { display: block; height: 100%; background: #1f6feb; }
svg.radar { flex: 0 0 120px; width: 120px; height: 120px; }
.disclaimer { font-size: 12px; color: var(--muted); margin-top: 6px; }
.checks { list-style: none; padding: 0; margin: 6px 0; font-size: 13px; }
.checks li.FAIL { color: #b42318; }
.ok { color: #067647; font-weight: 600; }
.dialog { position: absolute; inset: 0; background: rgba(20, 28, 38, .45); display: flex; align-items: flex-end; justify-content: center; }
.dialog[hidden] { display: none; }
.sheet { background: #fff; width: 100%; max-height: 75%; overflow-y: auto; border-radius: 12px 12px 0 0; padding: 12px; }
.sheet h3 { font-size: 15px; margin: 0 0 6px; }
.sheet p { white-space: pre-wrap; margin: 0 0 8px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

  /** Creates an element with a class and optional text; never parses markup. */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = String(text);
    return e;
  }

  function safeUrl(raw) {
    try {
      const u = new URL(raw);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  const INLINE = /\*\*([^*\n]+)\*\*|`([^`\n]+)`|\[([^\]\n]+)\]\(([^)\s]+)\)|\[(\d{1,2})\]|(https?:\/\/[^\s<>()（）【】，。]+)/g;

  /** Appends text with **bold**, `code`, [links](http…), bare http(s) URLs and citation markers [n]. */
  function inline(parent, text, cite) {
    let last = 0;
    for (const m of text.matchAll(INLINE)) {
      if (m.index > last) parent.append(text.slice(last, m.index));
      last = m.index + m[0].length;
      if (m[1] != null) parent.append(el('strong', null, m[1]));
      else if (m[2] != null) parent.append(el('code', null, m[2]));
      else if (m[3] != null) parent.append(link(m[3], m[4]) || m[0]);
      else if (m[5] != null) parent.append(cite(Number(m[5])) || m[0]);
      else parent.append(link(m[6], m[6]) || m[0]);
    }
    if (last < text.length) parent.append(text.slice(last));
  }

  function link(label, href) {
    const url = safeUrl(href);
    if (!url) return null;
    const a = el('a', null, label);
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer nofollow';
    return a;
  }

  /** Paragraphs, headings (#), bullet and numbered lists; everything else is text. */
  function markdown(src, cite) {
    const frag = document.createDocumentFragment();
    let list = null;
    let para = null;
    for (const line of src.replace(/\r\n?/g, '\n').split('\n')) {
      let m;
      if (!line.trim()) {
        list = para = null;
      } else if ((m = /^\s{0,3}(#{1,4})\s+(.*)$/.exec(line))) {
        list = para = null;
        const h = el('p', 'h');
        h.setAttribute('role', 'heading');
        h.setAttribute('aria-level', String(Math.min(6, m[1].length + 2)));
        inline(h, m[2], cite);
        frag.append(h);
      } else if ((m = /^\s*(?:[-*•]|(\d{1,2})[.、)])\s+(.*)$/.exec(line))) {
        const tag = m[1] ? 'OL' : 'UL';
        if (!list || list.tagName !== tag) frag.append(list = el(tag.toLowerCase()));
        const li = el('li');
        inline(li, m[2], cite);
        list.append(li);
        para = null;
      } else {
        list = null;
        if (para) para.append(el('br'));
        else frag.append(para = el('p'));
        inline(para, line, cite);
      }
    }
    return frag;
  }

  /** Reads server-sent events from a fetch Response; calls onEvent(name, data) per event. */
  async function readSse(response, onEvent) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buf += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const frame = buf.slice(0, i);
        buf = buf.slice(i + 2);
        let name = 'message';
        const data = [];
        for (const l of frame.split('\n')) {
          if (l.startsWith('event:')) name = l.slice(6).trim();
          else if (l.startsWith('data:')) data.push(l.slice(5).replace(/^ /, ''));
        }
        if (data.length) onEvent(name, JSON.parse(data.join('\n')));
      }
    }
  }

  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  function turnId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
  }

  function onlineAgain() {
    if (navigator.onLine) return Promise.resolve();
    return new Promise((r) => window.addEventListener('online', () => r(), { once: true }));
  }

  class FinAssistChat extends HTMLElement {
    constructor() {
      super();
      this.conversationId = null;
      this.busy = false;
      const root = this.attachShadow({ mode: 'open' });
      const style = el('style');
      style.textContent = CSS;
      root.append(style, this.build());
    }

    get apiBase() {
      return (this.getAttribute('api-base') || '').replace(/\/+$/, '');
    }

    headers(json, token) {
      const h = {};
      if (json) h['Content-Type'] = 'application/json';
      if (token) h.Authorization = 'Bearer ' + token;
      return h;
    }

    /** The customer token: the page's (token attribute, signed by the brokerage app), else an anonymous one. */
    async customerToken(renew) {
      const given = this.getAttribute('token');
      if (given) return given;
      if (!this.anonToken || renew) {
        this.anonToken = (async () => {
          const r = await fetch(this.apiBase + '/api/widget/token', { method: 'POST' });
          if (!r.ok) throw new Error('token ' + r.status);
          return (await r.json()).token;
        })();
        // a failed fetch (offline) is not kept: the retry after reconnecting asks again
        this.anonToken.catch(() => { this.anonToken = null; });
      }
      return this.anonToken;
    }

    async api(path, init = {}) {
      const send = async (token) => fetch(this.apiBase + path,
        { ...init, headers: { ...this.headers(typeof init.body === 'string', token), ...init.headers } });
      const r = await send(await this.customerToken(false));
      // an anonymous token expires (or the server restarted with a new key): one new token, one retry
      if (r.status === 401 && !this.getAttribute('token')) return send(await this.customerToken(true));
      return r;
    }

    build() {
      const box = el('div', 'box');
      const header = el('header');
      const title = el('h2', null, this.getAttribute('title') || 'FinAssist 智能客服');
      title.id = 'fa-title';
      const ai = el('span', 'ai', 'AI生成');
      ai.title = '回答由人工智能生成，仅供参考，不构成投资建议';
      this.handoffButton = el('button', 'handoff', '转人工');
      this.handoffButton.type = 'button';
      this.handoffButton.addEventListener('click', () => this.handOff());
      header.append(title, ai, this.handoffButton);

      this.statusLine = el('div', 'status');
      this.statusLine.setAttribute('role', 'status');
      this.log = el('div', 'log');
      this.log.setAttribute('role', 'log');
      this.log.setAttribute('aria-labelledby', 'fa-title');
      this.log.setAttribute('aria-live', 'off');
      this.log.tabIndex = 0;
      this.announcer = el('div', 'sr');
      this.announcer.setAttribute('aria-live', 'polite');

      const chips = el('div', 'chips');
      chips.setAttribute('role', 'group');
      chips.setAttribute('aria-label', '快捷入口');
      for (const [label, fn] of [['常见问题', () => this.showFaq()], ['诊股', () => this.prefill('诊股 ')],
        ['开户指引', () => this.showOpening()]]) {
        const b = el('button', 'chip', label);
        b.type = 'button';
        b.addEventListener('click', fn);
        chips.append(b);
      }

      const form = el('form');
      this.input = el('textarea');
      this.input.rows = 1;
      this.input.maxLength = 2000;
      this.input.placeholder = '请输入您的问题';
      this.input.setAttribute('aria-label', '输入您的问题（回车发送，Shift+回车换行）');
      this.input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          form.requestSubmit();
        }
      });
      this.sendButton = el('button', 'primary send', '发送');
      this.sendButton.type = 'submit';
      form.append(this.input, this.sendButton);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const text = this.input.value.trim();
        if (text && !this.busy) {
          this.input.value = '';
          this.ask(text);
        }
      });

      this.fileInput = el('input');
      this.fileInput.type = 'file';
      this.fileInput.accept = 'image/jpeg,image/png,image/webp';
      this.fileInput.setAttribute('capture', 'environment');
      this.fileInput.hidden = true;
      this.fileInput.setAttribute('aria-label', '选择身份证人像面照片');
      this.fileInput.addEventListener('change', () => {
        const f = this.fileInput.files && this.fileInput.files[0];
        this.fileInput.value = '';
        if (f) this.uploadIdPhoto(f);
      });

      box.append(header, this.statusLine, this.log, this.announcer, chips, form, this.fileInput, this.buildDialog());
      return box;
    }

    buildDialog() {
      this.dialog = el('div', 'dialog');
      this.dialog.hidden = true;
      const sheet = el('div', 'sheet');
      sheet.setAttribute('role', 'dialog');
      sheet.setAttribute('aria-modal', 'true');
      sheet.setAttribute('aria-labelledby', 'fa-cite-title');
      this.dialogTitle = el('h3');
      this.dialogTitle.id = 'fa-cite-title';
      this.dialogText = el('p', 'passage');
      this.dialogMeta = el('div', 'sub');
      const close = el('button', 'close', '关闭');
      close.type = 'button';
      close.addEventListener('click', () => this.closeDialog());
      sheet.append(this.dialogTitle, this.dialogText, this.dialogMeta, close);
      this.dialog.append(sheet);
      this.dialog.addEventListener('click', (e) => { if (e.target === this.dialog) this.closeDialog(); });
      this.dialog.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.closeDialog(); });
      this.dialogClose = close;
      return this.dialog;
    }

    openPassage(p, opener) {
      this.dialogOpener = opener;
      this.dialogTitle.textContent = '[' + p.n + '] ' + (p.source || '资料') + (p.heading ? ' · ' + p.heading : '');
      this.dialogText.textContent = p.text || '';
      this.dialogMeta.textContent = p.score != null ? '相关度 ' + Number(p.score).toFixed(3) : '';
      this.dialog.hidden = false;
      this.dialogClose.focus();
    }

    closeDialog() {
      this.dialog.hidden = true;
      if (this.dialogOpener) this.dialogOpener.focus();
    }

    status(text) {
      this.statusLine.textContent = text || '';
    }

    announce(text) {
      this.announcer.textContent = text;
    }

    scroll() {
      this.log.scrollTop = this.log.scrollHeight;
    }

    add(node) {
      this.log.append(node);
      this.scroll();
      return node;
    }

    system(text, cls) {
      const d = this.add(el('div', 'msg sys' + (cls ? ' ' + cls : ''), text));
      this.announce(text);
      return d;
    }

    setBusy(busy) {
      this.busy = busy;
      this.sendButton.disabled = busy;
      this.log.setAttribute('aria-busy', String(busy));
    }

    prefill(text) {
      this.input.value = text;
      this.input.placeholder = '输入股票代码或名称，例如：诊股 600000';
      this.input.focus();
    }

    showFaq() {
      const d = el('div', 'msg bot faq');
      d.append(el('div', null, '大家常问：'));
      const list = el('div', 'sources');
      for (const q of FAQ) {
        const b = el('button', 'faq-q', q);
        b.type = 'button';
        b.addEventListener('click', () => { if (!this.busy) this.ask(q); });
        list.append(b);
      }
      d.append(list);
      this.add(d);
    }

    async showOpening() {
      const d = this.add(el('div', 'msg bot opening'));
      d.append(el('div', 'h', '开户指引'));
      const ol = el('ol');
      d.append(ol);
      try {
        const r = await this.api('/api/opening/steps');
        const steps = r.ok ? await r.json() : [];
        for (const s of steps) ol.append(el('li', null, s.title));
      } catch (e) {
        ol.append(el('li', 'err', '开户步骤暂时无法加载，请稍后再试。'));
      }
      d.append(el('p', null, '第一步可先上传身份证人像面照片，我们会检查照片是否清晰完整。'));
      const b = el('button', 'upload', '上传身份证人像面');
      b.type = 'button';
      b.addEventListener('click', () => this.fileInput.click());
      d.append(b);
      this.scroll();
    }

    async uploadIdPhoto(file) {
      const d = this.add(el('div', 'msg bot idphoto'));
      d.setAttribute('aria-busy', 'true');
      d.append(el('div', null, '正在检查照片…'));
      const form = new FormData();
      form.append('file', file, file.name || 'id.jpg');
      let body;
      try {
        const r = await this.api('/api/opening/id-photo?side=front', { method: 'POST', body: form });
        body = await r.json();
        if (!r.ok) throw new Error(body.message || '照片检查失败，请稍后再试。');
      } catch (e) {
        d.replaceChildren(el('div', 'err', e.message && /[\u4e00-\u9fa5]/.test(e.message) ? e.message : '网络异常，照片未能上传，请稍后再试。'));
        d.setAttribute('aria-busy', 'false');
        return;
      }
      d.replaceChildren();
      d.setAttribute('aria-busy', 'false');
      d.dataset.accepted = String(body.accepted);
      if (body.accepted) {
        d.append(el('div', 'ok verdict', '✓ 身份证照片合格'));
        const f = body.fields || {};
        if (f.name || f.idNumber) d.append(el('div', 'sub', '识别结果：' + [f.name, f.idNumber].filter(Boolean).join('，')));
      } else {
        d.append(el('div', 'err verdict', '照片需要重拍'));
        const g = el('ul', 'guidance');
        for (const line of body.guidance || []) g.append(el('li', null, line));
        d.append(g);
      }
      const checks = el('ul', 'checks');
      checks.setAttribute('aria-label', '照片质量检查');
      for (const q of body.quality || []) {
        const li = el('li', q.status, (CHECKS[q.check] || q.check) + '：' + (STATUS[q.status] || q.status));
        if (q.guidance && q.status === 'FAIL') li.append('（' + q.guidance + '）');
        checks.append(li);
      }
      d.append(checks);
      if (!body.accepted) {
        const again = el('button', 'retake', '重新拍摄');
        again.type = 'button';
        again.addEventListener('click', () => this.fileInput.click());
        d.append(again);
      }
      this.announce(body.accepted ? '身份证照片合格' : '照片需要重拍：' + (body.guidance || []).join('；'));
      this.scroll();
    }

    async handOff() {
      if (!this.conversationId) {
        this.system('请先简单描述您的问题，我们会连同对话一起为您转接人工客服。');
        return;
      }
      try {
        const r = await this.api('/api/chat/' + encodeURIComponent(this.conversationId) + '/handoff', { method: 'POST' });
        const j = await r.json();
        this.system(j.message || '正在为您转接人工客服，请稍候。', 'handoff-msg');
        if (j.handedOff) this.pollAgent();
      } catch (e) {
        this.system('转接失败，请拨打客服热线。', 'err');
      }
    }

    /** After a hand-off: shows the agent's replies as they arrive (polls the conversation every few seconds). */
    pollAgent() {
      if (this.polling) return;
      this.polling = true;
      this.agentSeen = this.agentSeen || 0;
      const every = Number(this.getAttribute('agent-poll-ms')) || 3000;
      const tick = async () => {
        if (!this.isConnected) { this.polling = false; return; }
        try {
          const r = await this.api('/api/chat/' + encodeURIComponent(this.conversationId) + '/messages?after=' + this.agentSeen);
          if (r.ok) {
            const j = await r.json();
            for (const m of j.messages || []) {
              this.agentSeen = Math.max(this.agentSeen, m.id);
              if (m.role !== 'agent') continue;
              const d = el('div', 'msg agent');
              d.append(el('b', null, '人工客服'), el('span', null, m.content));
              this.add(d);
              this.announce('人工客服：' + m.content);
            }
          }
        } catch (e) {
          // offline for a moment: the next tick asks again
        }
        setTimeout(tick, every);
      };
      tick();
    }

    /** One question: streams the answer; a dropped connection is retried with the same question and conversation. */
    async ask(text) {
      this.add(el('div', 'msg user', text));
      // the same turn id on every retry: the server replays a finished answer instead of asking the model again
      const turn = { text, bubble: this.answerBubble(), id: turnId() };
      this.setBusy(true);
      try {
        for (let attempt = 1; ; attempt++) {
          const outcome = await this.stream(turn);
          if (outcome !== 'dropped') break;
          if (attempt > MAX_RETRIES) {
            this.status('');
            this.fail(turn, '网络不稳定，回答未能完成。请检查网络后重新发送，或点击“转人工”。');
            break;
          }
          this.status(navigator.onLine ? '连接中断，正在重新连接…' : '网络已断开，恢复后将自动继续。');
          await onlineAgain();
          await sleep(Math.min(8000, 500 * 2 ** (attempt - 1)));
          this.status('已重新连接，正在继续回答…');
          turn.bubble.remove();
          turn.bubble = this.answerBubble();
        }
      } finally {
        this.setBusy(false);
      }
    }

    answerBubble() {
      const b = this.add(el('div', 'msg bot answer'));
      b.setAttribute('aria-busy', 'true');
      b.dataset.tokens = '0';
      b.body = el('div', 'md');
      b.append(b.body);
      b.text = '';
      b.citations = [];
      return b;
    }

    async stream(turn) {
      const b = turn.bubble;
      let response;
      try {
        response = await this.api('/api/chat', {
          method: 'POST',
          body: JSON.stringify({ conversationId: this.conversationId, message: turn.text, turnId: turn.id }),
        });
      } catch (e) {
        return 'dropped';
      }
      if (!response.ok) {
        if (response.status >= 502) return 'dropped';
        const j = await response.json().catch(() => ({}));
        this.fail(turn, j.message || (j.error && j.error.message) || '请求失败，请稍后再试。');
        return 'error';
      }
      let outcome = 'dropped';
      try {
        await readSse(response, (name, data) => {
          const r = this.onEvent(b, name, data);
          if (r) outcome = r;
        });
      } catch (e) {
        if (outcome === 'dropped') return 'dropped';
      }
      return outcome;
    }

    onEvent(b, name, data) {
      switch (name) {
        case 'meta':
          this.conversationId = data.conversationId;
          b.dataset.scenario = data.scenario;
          return null;
        case 'subject':
          // sent only when the diagnosis found the security, so an unknown code never asks for a card
          if (b.dataset.scenario === 'stock-diagnosis' && !b.card) {
            b.card = true;
            this.diagnosisCard(b, data.symbol);
          }
          return null;
        case 'citations':
          b.citations = data;
          return null;
        case 'token':
          b.text += data.delta;
          b.dataset.tokens = String(Number(b.dataset.tokens) + 1);
          this.render(b);
          return null;
        case 'handoff':
          // the conversation went to a person (reason data.reason); their replies appear below
          this.system(data.message, 'handoff-msg').dataset.reason = data.reason;
          this.pollAgent();
          return null;
        case 'error':
          b.append(el('div', 'err', data.message));
          return 'error';
        case 'done':
          this.status('');
          this.finish(b, data.messageId);
          return 'done';
        default:
          return null;
      }
    }

    render(b) {
      if (b.pending) return;
      b.pending = requestAnimationFrame(() => {
        b.pending = 0;
        b.body.replaceChildren(markdown(b.text, (n) => this.citeButton(b, n)));
        this.scroll();
      });
    }

    citeButton(b, n) {
      const p = b.citations.find((c) => c.n === n);
      if (!p) return null;
      const btn = el('button', 'cite', '[' + n + ']');
      btn.type = 'button';
      btn.setAttribute('aria-label', '查看引用资料 ' + n + '：' + (p.source || ''));
      btn.addEventListener('click', () => this.openPassage(p, btn));
      return btn;
    }

    finish(b, messageId) {
      if (b.pending) cancelAnimationFrame(b.pending);
      b.pending = 0;
      b.body.replaceChildren(markdown(b.text, (n) => this.citeButton(b, n)));
      b.setAttribute('aria-busy', 'false');
      if (b.citations.length) {
        const src = el('div', 'sources');
        src.append(el('span', null, '参考资料：'));
        for (const p of b.citations) {
          const btn = el('button', 'source', p.n + '. ' + (p.source || '资料'));
          btn.type = 'button';
          btn.addEventListener('click', () => this.openPassage(p, btn));
          src.append(btn);
        }
        b.append(src);
      }
      const foot = el('div', 'foot');
      foot.append(el('span', 'ai', 'AI生成'));
      if (messageId != null) this.feedback(foot, messageId);
      b.append(foot);
      b.dataset.done = 'true';
      this.announce('助手回答：' + b.text);
      this.scroll();
    }

    fail(turn, message) {
      turn.bubble.setAttribute('aria-busy', 'false');
      turn.bubble.append(el('div', 'err', message));
      this.announce(message);
    }

    feedback(foot, messageId) {
      foot.append(el('span', null, '这个回答有帮助吗？'));
      const yes = el('button', 'fb-yes', '有帮助');
      const no = el('button', 'fb-no', '没帮助');
      for (const btn of [yes, no]) {
        btn.type = 'button';
        btn.setAttribute('aria-pressed', 'false');
        foot.append(btn);
      }
      yes.addEventListener('click', () => {
        yes.setAttribute('aria-pressed', 'true');
        no.setAttribute('aria-pressed', 'false');
        this.sendFeedback(foot, { messageId, helpful: true });
      });
      no.addEventListener('click', () => {
        no.setAttribute('aria-pressed', 'true');
        yes.setAttribute('aria-pressed', 'false');
        if (!foot.querySelector('.reasons')) foot.append(this.reasonPicker(foot, messageId));
      });
    }

    reasonPicker(foot, messageId) {
      const box = el('div', 'reasons');
      box.setAttribute('role', 'group');
      box.setAttribute('aria-label', '请选择原因');
      const comment = el('input');
      comment.maxLength = 500;
      comment.placeholder = '补充说明（选填）';
      comment.setAttribute('aria-label', '补充说明（选填）');
      for (const [code, label] of REASONS) {
        const b = el('button', 'reason', label);
        b.type = 'button';
        b.dataset.reason = code;
        b.addEventListener('click', () => {
          box.remove();
          this.sendFeedback(foot, { messageId, helpful: false, reason: code, comment: comment.value });
        });
        box.append(b);
      }
      box.append(comment);
      return box;
    }

    async sendFeedback(foot, body) {
      let note = foot.querySelector('.fb-note');
      if (!note) foot.append(note = el('span', 'fb-note'));
      try {
        const r = await this.api('/api/chat/' + encodeURIComponent(this.conversationId) + '/feedback',
          { method: 'POST', body: JSON.stringify(body) });
        const j = await r.json();
        note.textContent = r.ok ? j.message : j.message || (j.error && j.error.message) || '反馈提交失败。';
      } catch (e) {
        note.textContent = '反馈提交失败，请稍后再试。';
      }
      this.announce(note.textContent);
    }

    async diagnosisCard(b, symbol) {
      const card = el('div', 'card diagnosis');
      card.setAttribute('aria-busy', 'true');
      b.insertBefore(card, b.body);
      let d;
      try {
        const r = await this.api('/api/diagnosis/' + encodeURIComponent(symbol));
        d = await r.json();
        if (!r.ok) {
          card.replaceChildren(el('div', 'err', d.message || '暂时无法诊断该股票。'));
          return;
        }
      } catch (e) {
        card.remove();
        return;
      } finally {
        card.setAttribute('aria-busy', 'false');
      }
      card.append(el('h3', null, d.name + '（' + d.symbol + '）'), el('div', 'sub',
        '数据日期 ' + d.dataDate + ' · 综合评分 ' + d.overallScore + ' · ' + d.ratingLabel));
      const facts = el('div', 'facts');
      const more = el('div', 'facts');
      for (const [i, f] of (d.facts || []).entries()) {
        const row = el('div');
        row.append(el('span', null, f.label + '：'), f.display || (f.value + (f.unit || '')));
        row.title = '截至 ' + f.asOf;
        (i < KEY_FACTS ? facts : more).append(row);
      }
      const scores = el('div', 'scores');
      scores.append(this.radar(d.scores || []), this.bars(d.scores || []));
      const narrative = el('div', 'sub', 'AI点评' + (d.aigcLabel || '【AI生成】') + '：');
      card.append(facts, scores, narrative);
      if (more.childElementCount) {
        const details = el('details');
        details.append(el('summary', null, '全部指标（' + d.facts.length + '项）'), more);
        facts.after(details);
      }
      b.disclaimer = el('div', 'disclaimer', d.disclaimer);
      b.append(b.disclaimer);
    }

    bars(scores) {
      const box = el('div', 'bars');
      for (const s of scores) {
        const row = el('div', 'bar');
        const track = el('i');
        const fill = el('b');
        fill.style.width = Math.max(0, Math.min(100, s.score)) + '%';
        track.append(fill);
        track.setAttribute('role', 'meter');
        track.setAttribute('aria-valuemin', '0');
        track.setAttribute('aria-valuemax', '100');
        track.setAttribute('aria-valuenow', String(s.score));
        track.setAttribute('aria-label', s.label);
        row.append(el('span', null, s.label), track, el('span', null, s.score));
        box.append(row);
      }
      return box;
    }

    radar(scores) {
      const NS = 'http://www.w3.org/2000/svg';
      const svg = document.createElementNS(NS, 'svg');
      svg.setAttribute('viewBox', '-60 -60 120 120');
      svg.setAttribute('class', 'radar');
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', '评分雷达图：' + scores.map((s) => s.label + ' ' + s.score).join('，'));
      const n = Math.max(3, scores.length);
      const pt = (i, r) => {
        const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
        return (r * Math.cos(a)).toFixed(1) + ',' + (r * Math.sin(a)).toFixed(1);
      };
      const poly = (points, stroke, fill) => {
        const p = document.createElementNS(NS, 'polygon');
        p.setAttribute('points', points);
        p.setAttribute('stroke', stroke);
        p.setAttribute('fill', fill);
        svg.append(p);
      };
      for (const r of [16, 32, 48]) poly([...Array(n).keys()].map((i) => pt(i, r)).join(' '), '#d0d6dd', 'none');
      poly(scores.map((s, i) => pt(i, 48 * Math.max(0, Math.min(100, s.score)) / 100)).join(' '), '#1f6feb', 'rgba(31,111,235,.25)');
      return svg;
    }
  }

  customElements.define('finassist-chat', FinAssistChat);
})();
