// The account-opening funnel screen: reads GET /api/ops/funnel (aggregated in the database, so every node shows the
// same) and draws it with Apache ECharts from the WebJar. ?big=1 is the command centre's 1920×1080 big screen;
// ?refresh=N sets the refresh period in seconds; ?range= and ?source= preselect the cohort and the data.
(() => {
  'use strict';
  const params = new URLSearchParams(location.search);
  const big = params.get('big') === '1';
  const EVERY = Math.max(2, Number(params.get('refresh')) || (big ? 30 : 60));
  const charts = {};
  const axis = { axisLabel: { color: '#8b9bb0' }, axisLine: { lineStyle: { color: '#33445a' } }, splitLine: { lineStyle: { color: '#1f2d3f' } } };
  const base = { backgroundColor: 'transparent', textStyle: { color: '#dce3ea', fontSize: big ? 14 : 12 }, tooltip: { trigger: 'axis' },
    legend: { textStyle: { color: '#b9c6d6' }, top: 0 }, grid: { left: 12, right: 12, top: 34, bottom: 8, containLabel: true } };
  const range = document.getElementById('range');
  const source = document.getElementById('source');
  if (big) document.body.classList.add('big');
  range.value = ['today', 'yesterday', '7d'].includes(params.get('range')) ? params.get('range') : 'today';
  source.value = params.get('source') === 'simulated' ? 'simulated' : 'real';
  document.getElementById('every').textContent = EVERY;

  const pct = (v) => (v == null ? '—' : (Math.round(v * 1000) / 10).toFixed(1));
  const num = (v) => (v == null ? '—' : Number(v).toLocaleString('en-US'));
  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
    return charts[id];
  }
  function tile(id, value, text) {
    const e = document.getElementById(id);
    e.dataset.value = value == null ? '' : String(value);
    e.textContent = text;
  }
  const yPct = { type: 'value', max: 100, axisLabel: { color: '#8b9bb0', formatter: '{value}%' }, splitLine: { show: false } };
  const stepAxis = (s) => ({ type: 'category', data: s.steps.map((x) => x.index + 1 + ' ' + x.title), ...axis,
    axisLabel: { color: '#8b9bb0', rotate: 35, interval: 0, fontSize: big ? 12 : 10 } });

  function tiles(s) {
    tile('started', s.totals.started, num(s.totals.started));
    tile('submitted', s.totals.submitted, num(s.totals.submitted));
    tile('openingRate', s.totals.openingRate, pct(s.totals.openingRate));
    tile('abandoned', s.totals.abandoned, num(s.totals.abandoned));
    const c = s.comparison;
    tile('leadsToday', c.today.started, num(c.today.started));
    document.getElementById('leadsAvg7').textContent = c.leadsPerDayLast7.toFixed(1);
    tile('rateToday', c.today.openingRate, pct(c.today.openingRate));
    document.getElementById('rate7').textContent = pct(c.last7Days.openingRate);
    document.getElementById('at').textContent = new Date(s.at).toLocaleString('en-GB', { hour12: false });
    document.getElementById('zone').textContent = s.zone;
    document.getElementById('simulated-banner').hidden = !s.simulated;
  }

  function steps(s) {
    chart('c-steps').setOption({ ...base, xAxis: stepAxis(s), yAxis: [{ type: 'value', ...axis }, yPct],
      series: [{ name: 'entered', type: 'bar', data: s.steps.map((x) => x.entered), itemStyle: { color: '#5470c6' } },
        { name: 'completed', type: 'bar', data: s.steps.map((x) => x.completed), itemStyle: { color: '#3ba272' } },
        { name: 'conversion %', type: 'line', yAxisIndex: 1, data: s.steps.map((x) => (x.conversion == null ? null : +pct(x.conversion))) }] }, true);
    chart('c-dropout').setOption({ ...base, xAxis: stepAxis(s), yAxis: { type: 'value', axisLabel: { color: '#8b9bb0', formatter: '{value}%' }, ...axis },
      series: [{ name: 'drop-out %', type: 'bar', data: s.steps.map((x) => (x.dropOut == null ? 0 : +pct(x.dropOut))), itemStyle: { color: '#ee6666' } }] }, true);
    chart('c-median').setOption({ ...base, xAxis: stepAxis(s), yAxis: { type: 'value', ...axis },
      series: [{ name: 'median s', type: 'bar', data: s.steps.map((x) => (x.medianSeconds == null ? null : Math.round(x.medianSeconds))), itemStyle: { color: '#fac858' } }] }, true);
    const body = document.getElementById('reasons');
    body.replaceChildren(...s.steps.filter((x) => x.abandoned > 0).map((x) => {
      const tr = document.createElement('tr');
      tr.dataset.step = x.step;
      for (const text of [x.index + 1 + ' ' + x.title, num(x.abandoned), x.topReasons.map((r) => r.reason + ' (' + r.sessions + ')').join(', ')]) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      return tr;
    }));
  }

  function channels(s) {
    chart('c-channels').setOption({ ...base, xAxis: { type: 'category', data: s.channels.map((c) => c.channel), ...axis },
      yAxis: [{ type: 'value', ...axis }, yPct],
      series: [{ name: 'leads', type: 'bar', data: s.channels.map((c) => c.leads), itemStyle: { color: '#73c0de' } },
        { name: 'opening rate %', type: 'line', yAxisIndex: 1, data: s.channels.map((c) => +pct(c.openingRate)) }] }, true);
  }

  function time(s) {
    chart('c-hours').setOption({ ...base, xAxis: { type: 'category', data: s.hours.map((h) => String(h.hour).padStart(2, '0')), ...axis },
      yAxis: { type: 'value', ...axis },
      series: [{ name: 'started today', type: 'bar', data: s.hours.map((h) => h.started), itemStyle: { color: '#5470c6' } },
        { name: 'submitted today', type: 'bar', data: s.hours.map((h) => h.submitted), itemStyle: { color: '#3ba272' } },
        { name: 'started, 7-day avg', type: 'line', data: s.hours.map((h) => Math.round(h.startedAvg7 * 10) / 10), lineStyle: { type: 'dashed' } },
        { name: 'submitted, 7-day avg', type: 'line', data: s.hours.map((h) => Math.round(h.submittedAvg7 * 10) / 10), lineStyle: { type: 'dashed' } }] }, true);
    chart('c-days').setOption({ ...base, xAxis: { type: 'category', data: s.days.map((d) => d.day.slice(5)), ...axis },
      yAxis: [{ type: 'value', ...axis }, yPct],
      series: [{ name: 'started', type: 'bar', data: s.days.map((d) => d.started), itemStyle: { color: '#5470c6' } },
        { name: 'submitted', type: 'bar', data: s.days.map((d) => d.submitted), itemStyle: { color: '#3ba272' } },
        { name: 'cohort opening rate %', type: 'line', yAxisIndex: 1, data: s.days.map((d) => (d.cohortOpeningRate == null ? null : +pct(d.cohortOpeningRate))) }] }, true);
  }

  function experiment(s) {
    const e = s.experiment.result;
    const arms = [e.guided, e.control];
    document.getElementById('exp-state').textContent = s.simulated ? '(simulated 50/50 split)' : s.experiment.enabled
      ? '(on, ' + Math.round(s.experiment.guidedShare * 100) + '% guided)' : '(switched off: every session guided)';
    chart('c-experiment').setOption({ ...base, tooltip: { trigger: 'item' }, xAxis: { type: 'category', data: arms.map((a) => a.arm), ...axis },
      yAxis: { type: 'value', axisLabel: { color: '#8b9bb0', formatter: '{value}%' }, ...axis },
      series: [{ name: 'submission rate %', type: 'bar', data: arms.map((a) => (a.rate == null ? null : +pct(a.rate))), itemStyle: { color: '#91cc75' } },
        { name: '95% interval', type: 'candlestick', data: arms.map((a) => (a.low == null ? [] : [+pct(a.low), +pct(a.high), +pct(a.low), +pct(a.high)])),
          itemStyle: { color: 'transparent', color0: 'transparent', borderColor: '#fff', borderColor0: '#fff' }, barWidth: 6 }] }, true);
    const p = document.getElementById('experiment');
    p.dataset.pValue = e.pValue == null ? '' : String(e.pValue);
    p.textContent = arms.map((a) => a.arm + ': ' + num(a.submitted) + '/' + num(a.sessions) + ' = ' + pct(a.rate) + '% [' + pct(a.low) + '–' + pct(a.high) + ']').join(' · ')
      + (e.pValue == null ? ' · no test until both arms have sessions'
        : ' · difference ' + (e.difference * 100).toFixed(1) + ' pp [' + (e.differenceLow * 100).toFixed(1) + ', ' + (e.differenceHigh * 100).toFixed(1)
          + '], lift ' + (e.relativeLift == null ? '—' : (e.relativeLift * 100).toFixed(1) + '%') + ', z = ' + e.z.toFixed(2) + ', p = ' + e.pValue.toFixed(4));
  }

  function links() {
    const q = 'range=' + range.value + '&source=' + source.value;
    document.getElementById('csv-steps').href = '/api/ops/funnel.csv?' + q;
    document.getElementById('csv-hourly').href = '/api/ops/funnel.csv?table=hourly&' + q;
    document.getElementById('big-link').href = '/ops/funnel.html?big=1&' + q;
  }

  async function refresh() {
    const state = document.getElementById('state');
    try {
      const r = await fetch('/api/ops/funnel?range=' + range.value + '&source=' + source.value, { headers: { Accept: 'application/json' } });
      if (!r.ok) throw new Error('HTTP ' + r.status);
      const s = await r.json();
      tiles(s);
      steps(s);
      channels(s);
      time(s);
      experiment(s);
      state.textContent = '';
      document.body.dataset.shown = s.range + '/' + (s.simulated ? 'simulated' : 'real');
      document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes || 0) + 1);
    } catch (e) {
      state.textContent = 'Could not load the funnel: ' + e.message + ' (retrying)';
    }
  }

  range.addEventListener('change', () => { links(); refresh(); });
  source.addEventListener('change', () => { links(); refresh(); });
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  links();
  refresh();
  setInterval(refresh, EVERY * 1000);
})();
