// Rampart dashboard page. Every value from the server is written with textContent, never parsed as HTML.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  let token = sessionStorage.getItem('rampart-token') || '';
  // The token may come in the URL fragment (never sent to a server, never in access logs); drop it from the address bar.
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    token = fragment.get('token');
    sessionStorage.setItem('rampart-token', token);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const headers = () => (token ? { authorization: 'Bearer ' + token } : {});
  let filter = new URLSearchParams();
  let chart, selected;

  function el(tag, text) { const e = document.createElement(tag); e.textContent = text == null ? '' : String(text); return e; }
  function list(id, counts) {
    const ul = $(id); ul.replaceChildren();
    const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    entries.slice(0, 10).forEach(([k, n]) => ul.append(el('li', k + ': ' + n)));
    if (entries.length > 10) ul.append(el('li', '… ' + (entries.length - 10) + ' more'));
  }
  async function api(path) {
    const res = await fetch(path, { headers: headers() });
    if (res.status === 401) { $('login').hidden = false; throw new Error('token required'); }
    if (!res.ok) throw new Error(path + ': ' + res.status);
    return res.json();
  }
  async function showEvent(id) {
    const { event } = await api('api/events/' + encodeURIComponent(id));
    selected = id;
    for (const tr of $('events').children) tr.className = tr.dataset.id === id ? 'selected' : '';
    const dl = $('detail-fields'); dl.replaceChildren();
    const fields = { id: event.id, time: event.time, kind: event.kind, rule: event.rule, action: event.action, severity: event.severity, message: event.message,
      'request id': event.requestId, ip: event.ip, route: (event.method || '') + ' ' + (event.route || ''), payload: event.attack && event.attack.payload,
      source: event.attack && event.attack.source, sink: event.attack && event.attack.sink, 'app frame': event.attack && event.attack.frame,
      details: event.details && JSON.stringify(event.details, null, 2) };
    for (const [k, v] of Object.entries(fields)) if (v != null && v !== '') { dl.append(el('dt', k), el('dd', v)); }
    $('detail').hidden = false;
  }
  async function refresh() {
    const q = filter.toString();
    const [{ events }, agg] = await Promise.all([api('api/events?' + q), api('api/aggregates?' + q)]);
    const body = $('events'); body.replaceChildren();
    for (const e of events) {
      const tr = document.createElement('tr');
      tr.dataset.id = e.id;
      for (const v of [String(e.time || '').replace('T', ' ').slice(0, 19), e.kind, e.rule, e.action, e.route, e.ip, e.message]) tr.append(el('td', v));
      tr.title = e.time;
      if (e.id === selected) tr.className = 'selected';
      tr.addEventListener('click', () => showEvent(e.id).catch(report));
      body.append(tr);
    }
    $('attacks').textContent = agg.attacksBlocked.total; list('attacks-by-rule', agg.attacksBlocked.byRule);
    list('attacks-by-route', agg.attacksBlocked.byRoute); list('attacks-by-ip', agg.attacksBlocked.byIp);
    $('ratelimit').textContent = agg.rateLimit.total; list('ratelimit-by-ip', agg.rateLimit.byIp);
    $('auth').textContent = agg.auth.failures + ' / ' + agg.auth.lockouts; list('auth-by-rule', agg.auth.byRule);
    $('errors').textContent = agg.errors.total; list('errors-by-route', agg.errors.byRoute);
    drawChart(agg);
  }
  // One point per bucket, empty buckets at zero, over at least the last 30 buckets up to now:
  // uPlot given a single point would stretch the time axis over years.
  function drawChart(agg) {
    if (typeof uPlot === 'undefined') return;
    const step = agg.bucketSeconds, byT = new Map(agg.series.map((b) => [b.t, b]));
    const last = agg.series.length ? agg.series[agg.series.length - 1].t : 0;
    const end = Math.max(Math.floor(Date.now() / 1000 / step) * step, last);
    const start = Math.max(Math.min(agg.series.length ? agg.series[0].t : end, end - 29 * step), end - 1439 * step);
    const data = [[], [], []];
    for (let t = start; t <= end; t += step) {
      const b = byT.get(t);
      data[0].push(t); data[1].push(b ? b.attacksBlocked : 0); data[2].push(b ? Object.values(b.byKind).reduce((a, n) => a + n, 0) : 0);
    }
    if (!chart) {
      chart = new uPlot({ width: Math.min(900, document.body.clientWidth - 60), height: 220,
        series: [{}, { label: 'attacks blocked', stroke: '#c62828' }, { label: 'all events', stroke: '#1565c0' }] }, data, $('chart'));
    } else chart.setData(data);
  }
  async function loadReport() {
    const r = await api('api/report');
    $('report-status').textContent = r.available ? (r.total + ' findings in ' + (r.root || '')) : ('No scan report: ' + (r.error || ''));
    const body = $('practices'); body.replaceChildren();
    for (const p of r.practices || []) { const tr = document.createElement('tr'); tr.append(el('td', p.id + '. ' + p.title), el('td', p.findings), el('td', p.score)); body.append(tr); }
    for (const [id, items] of [['deps', r.dependencies || []], ['secrets', r.secrets || []]]) {
      const ul = $(id); ul.replaceChildren();
      items.slice(0, 50).forEach((f) => ul.append(el('li', f.severity + ' ' + f.ruleId + ' ' + f.file + ':' + f.line + ' ' + f.message)));
      if (r.available && items.length === 0) ul.append(el('li', 'none in this report'));
    }
  }
  // Live updates: SSE read through fetch so the token travels in a header, never in the URL.
  async function live() {
    for (;;) {
      try {
        const res = await fetch('api/stream', { headers: headers() });
        if (!res.ok || !res.body) throw new Error('stream ' + res.status);
        $('status').textContent = 'live';
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end); buffer = buffer.slice(end + 2);
            if (/^event: events$/m.test(block)) refresh().catch(report);
          }
        }
      } catch (e) { report(e); }
      $('status').textContent = 'reconnecting…';
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  function report(e) { $('status').textContent = String(e && e.message || e); }
  $('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    filter = new URLSearchParams();
    for (const [k, v] of new FormData(ev.target)) if (v) filter.set(k, String(v));
    refresh().catch(report);
  });
  $('login').addEventListener('submit', (ev) => {
    ev.preventDefault(); token = $('token').value; sessionStorage.setItem('rampart-token', token); $('login').hidden = true; start();
  });
  function start() { refresh().then(loadReport).then(live).catch(report); }
  start();
})();
