// The operations dashboard: polls /api/ops/summary, keeps a short history in the page and turns the cumulative
// figures of successive snapshots into per-interval rates. Charts by Apache ECharts (served from the WebJar).
(() => {
  'use strict';
  const EVERY = Math.max(2, Number(new URLSearchParams(location.search).get('refresh')) || 5);
  const KEEP = 120;
  const SCENARIOS = { qa: '知识问答', 'stock-diagnosis': '诊股', commentary: '行情点评', 'account-opening': '开户',
    witness: '视频见证', general: '通用', unknown: '未分类' };
  const REASONS = { blur: '模糊', motionBlur: '抖动', brightness: '亮度', glare: '反光', fill: '占比', card: '未检测到证件',
    cutOff: '四角不全', tilt: '倾斜', resolution: '分辨率' };
  const STATES = { running: '运行中', done: '已完成', cancelled: '已取消' };
  const history = [];
  const charts = {};
  const axis = { axisLabel: { color: '#8b9bb0' }, axisLine: { lineStyle: { color: '#33445a' } }, splitLine: { lineStyle: { color: '#1f2d3f' } } };
  const base = { backgroundColor: 'transparent', textStyle: { color: '#dce3ea' }, tooltip: { trigger: 'axis' },
    legend: { textStyle: { color: '#b9c6d6' }, top: 0 }, grid: { left: 48, right: 16, top: 32, bottom: 28 } };
  document.getElementById('every').textContent = EVERY;

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
    return charts[id];
  }

  function tile(id, value, text) {
    const e = document.getElementById(id);
    e.dataset.value = String(value);
    e.textContent = text != null ? text : String(Math.round(value * 100) / 100);
  }

  const sum = (o) => Object.values(o || {}).reduce((a, b) => a + b, 0);
  const time = (iso) => new Date(iso).toLocaleTimeString('zh-CN', { hour12: false });

  function tiles(s) {
    const p = s.providers || [];
    tile('resolutionRate', Math.round(s.chat.resolutionRate * 1000) / 10, (Math.round(s.chat.resolutionRate * 1000) / 10).toFixed(1));
    tile('declined', s.chat.declined);
    tile('withheld', sum(s.chat.withholdsByRouteAndRule));
    tile('answers', s.chat.answers);
    tile('handedOff', s.chat.handedOff);
    tile('requests', p.reduce((a, x) => a + x.requests, 0));
    tile('fallbacks', p.reduce((a, x) => a + x.fallbacks, 0));
    const cost = p.reduce((a, x) => a + x.costCny, 0);
    tile('costCny', cost, '¥' + cost.toFixed(2));
    tile('guardrail', s.guardrailRejections.total);
    tile('idRejections', sum(s.idPhotos.rejections));
    tile('witnessLive', s.witness.live);
    tile('witnessEscalated', s.witness.escalated);
    tile('helpful', s.chat.helpful);
    tile('notHelpful', s.chat.notHelpful);
    tile('commentaryActive', s.commentary.activeRuns);
    tile('commentaryDone', (s.commentary.items || {}).done || 0);
    document.getElementById('at').textContent = new Date(s.at).toLocaleString('zh-CN', { hour12: false });
  }

  function bar(id, labels, values, color) {
    chart(id).setOption({ ...base, tooltip: { trigger: 'item' }, xAxis: { type: 'category', data: labels, ...axis },
      yAxis: { type: 'value', minInterval: 1, ...axis }, series: [{ type: 'bar', data: values, itemStyle: { color } }] }, true);
  }

  /** Mean over the interval between two snapshots; the first snapshot's cumulative mean stands for itself. */
  function intervalMean(prev, cur, total, count) {
    const dc = cur[count] - (prev ? prev[count] : 0);
    return dc > 0 ? Math.round((cur[total] - (prev ? prev[total] : 0)) / dc) : null;
  }

  function timeSeries() {
    const providers = [...new Set(history.flatMap((s) => s.providers.map((p) => p.provider)))];
    const x = history.map((s) => time(s.at));
    const series = (fn) => providers.map((name) => ({ name, type: 'line', showSymbol: history.length < 20, connectNulls: true,
      data: history.map((s, i) => {
        const cur = s.providers.find((p) => p.provider === name);
        const prev = i > 0 ? history[i - 1].providers.find((p) => p.provider === name) : null;
        return cur ? fn(prev, cur) : null;
      }) }));
    const opt = (s) => ({ ...base, xAxis: { type: 'category', data: x, ...axis }, yAxis: { type: 'value', ...axis }, series: s });
    chart('c-latency').setOption(opt([
      ...series((p, c) => intervalMean(p, c, 'latencyMsTotal', 'latencyCount')).map((s) => ({ ...s, name: s.name + ' 延迟' })),
      ...series((p, c) => intervalMean(p, c, 'ttftMsTotal', 'ttftCount')).map((s) => ({ ...s, name: s.name + ' 首字', lineStyle: { type: 'dashed' } })),
    ]), true);
    chart('c-errors').setOption(opt([
      ...series((p, c) => c.errors - (p ? p.errors : 0)).map((s) => ({ ...s, name: s.name + ' 错误', type: 'bar' })),
      ...series((p, c) => c.fallbacks - (p ? p.fallbacks : 0)).map((s) => ({ ...s, name: s.name + ' 切换' })),
    ]), true);
    chart('c-cost').setOption(opt(series((p, c) => c.costCny)), true);
  }

  const HANDOFF = { explicit: '主动要求', complaint: '投诉', fraud: '资金安全/诈骗', distress: '情绪危机',
    repeated_decline: '连续未解答', button: '点击按钮' };

  function rejections(s) {
    const data = [
      ...Object.entries(s.guardrailRejections.byCode).map(([k, v]) => ({ name: '护栏 ' + k, value: v })),
      ...Object.entries(s.chat.withholdsByRouteAndRule || {}).map(([k, v]) => ({ name: '拦截 ' + k, value: v })),
      ...Object.entries(s.chat.handoffsByReason || {}).map(([k, v]) => ({ name: '转人工 ' + (HANDOFF[k] || k), value: v })),
      ...Object.entries(s.idPhotos.rejections).map(([k, v]) => ({ name: '照片 ' + (REASONS[k] || k), value: v })),
    ];
    chart('c-rejections').setOption({ ...base, tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: data.length ? data : [{ name: '暂无拒收', value: 0 }],
        label: { color: '#dce3ea' } }] }, true);
  }

  async function commentary(s) {
    const items = s.commentary.items || {};
    const order = [['done', '完成'], ['failed', '失败'], ['rejected', '合规拦截'], ['skipped', '跳过']];
    bar('c-commentary', order.map((o) => o[1]), order.map((o) => items[o[0]] || 0), '#3ba272');
    const runs = document.getElementById('commentary-runs');
    runs.textContent = s.commentary.activeRuns > 0 ? ' · 运行中 ' + s.commentary.activeRuns + ' 批'
      : sum(items) > 0 ? '' : ' · 暂无批次';
    const list = document.getElementById('commentary-jobs');
    try {
      const r = await fetch('/api/commentary/jobs?limit=5');
      const jobs = r.ok ? await r.json() : [];
      list.replaceChildren(...jobs.map((j) => {
        const li = document.createElement('li');
        const settled = j.done + j.failed + j.rejected + j.skipped + j.cancelled;
        const bar = document.createElement('progress');
        bar.max = Math.max(1, j.total);
        bar.value = settled;
        li.append(j.date + ' ' + j.universe + ' · ' + (STATES[j.state] || j.state) + ' · ' + settled + '/' + j.total
          + ' 篇（完成 ' + j.done + '，失败 ' + j.failed + '，拦截 ' + j.rejected + '） ', bar);
        return li;
      }));
    } catch (e) {
      list.replaceChildren();
    }
  }

  async function refresh() {
    const state = document.getElementById('state');
    try {
      const r = await fetch('/api/ops/summary', { headers: { Accept: 'application/json' } });
      if (!r.ok) throw new Error('HTTP ' + r.status);
      const s = await r.json();
      history.push(s);
      if (history.length > KEEP) history.shift();
      tiles(s);
      const sc = Object.entries(s.chat.answersByScenario);
      bar('c-scenario', sc.map(([k]) => SCENARIOS[k] || k), sc.map(([, v]) => v), '#5470c6');
      timeSeries();
      rejections(s);
      commentary(s);
      state.textContent = '';
    } catch (e) {
      state.textContent = '数据刷新失败（' + e.message + '），稍后自动重试';
    }
  }

  /** The server's last hour of provider samples, so a reloaded screen starts with its time series. */
  async function seed() {
    try {
      const r = await fetch('/api/ops/history');
      if (r.ok) history.push(...(await r.json()).slice(-KEEP));
    } catch (e) {
      // no history: the charts start from now
    }
  }

  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  seed().then(refresh);
  setInterval(refresh, EVERY * 1000);
})();
