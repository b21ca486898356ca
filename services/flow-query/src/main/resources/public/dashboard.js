// border-flows dashboard: plain JS + SVG, no external libraries (the machine has no internet).
// Polls the query API every few seconds; the browser revalidates with the ETag (304 when unchanged).
(function () {
  'use strict';
  const POLL_MS = 3000;
  const COLOURS = ['#1d3557', '#e63946', '#2a9d8f', '#f4a261', '#6a4c93', '#8ab17d', '#457b9d', '#b5838d'];
  const state = { auth: null };

  function $(id) { return document.getElementById(id); }

  function filters(withCitizenship) {
    const p = new URLSearchParams();
    const post = $('filter-borderPost').value;
    const cit = $('filter-citizenship').value;
    const from = $('filter-from').value.trim();
    const to = $('filter-to').value.trim();
    if (post) p.set('borderPost', post);
    if (cit && withCitizenship) p.set('citizenship', cit);
    if (/^\d{4}-\d{2}$/.test(from)) p.set('from', from);
    if (/^\d{4}-\d{2}$/.test(to)) p.set('to', to);
    return p;
  }

  async function table(dataset, params) {
    const headers = { Accept: 'application/json' };
    if (state.auth) headers.Authorization = 'Basic ' + state.auth;
    const response = await fetch('/api/v1/datasets/' + dataset + '?' + params.toString(), { headers, cache: 'no-cache' });
    if (!response.ok) {
      const text = await response.text();
      throw new Error(dataset + ': ' + response.status + ' ' + text);
    }
    return response.json();
  }

  function num(v) { return v === null || v === undefined ? 0 : Number(v); }

  function svg(tag, attrs, text) {
    const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const k in attrs) el.setAttribute(k, attrs[k]);
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }

  function monthsOf(rows) {
    return Array.from(new Set(rows.map(r => r.month))).sort();
  }

  // Frame: axes with month labels; returns x/y scale functions.
  function frame(el, months, max) {
    clear(el);
    const W = 600, H = 220, L = 40, R = 110, T = 10, B = 30;
    const x = i => L + (months.length <= 1 ? (W - L - R) / 2 : i * (W - L - R) / (months.length - 1));
    const y = v => H - B - (max <= 0 ? 0 : v / max * (H - T - B));
    el.appendChild(svg('line', { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: '#999' }));
    el.appendChild(svg('line', { x1: L, y1: T, x2: L, y2: H - B, stroke: '#999' }));
    el.appendChild(svg('text', { x: 2, y: T + 8 }, String(Math.round(max))));
    el.appendChild(svg('text', { x: 2, y: H - B }, '0'));
    const step = Math.max(1, Math.ceil(months.length / 8));
    months.forEach((m, i) => { if (i % step === 0) el.appendChild(svg('text', { x: x(i) - 15, y: H - B + 14 }, m)); });
    return { x, y, W, R, T };
  }

  function legend(el, f, names) {
    names.forEach((n, i) => {
      el.appendChild(svg('rect', { x: f.W - f.R + 10, y: f.T + i * 16, width: 10, height: 10, fill: COLOURS[i % COLOURS.length] }));
      el.appendChild(svg('text', { x: f.W - f.R + 24, y: f.T + 9 + i * 16, class: 'legend' }, n));
    });
  }

  // Line chart of series {name -> {month -> value}}.
  function lines(el, months, series) {
    const names = Object.keys(series);
    let max = 0;
    names.forEach(n => months.forEach(m => { max = Math.max(max, num(series[n][m])); }));
    const f = frame(el, months, max);
    names.forEach((n, s) => {
      const pts = months.map((m, i) => f.x(i) + ',' + f.y(num(series[n][m]))).join(' ');
      el.appendChild(svg('polyline', { points: pts, fill: 'none', stroke: COLOURS[s % COLOURS.length], 'stroke-width': 2, 'class': 'series', 'data-series': n }));
    });
    legend(el, f, names);
    el.setAttribute('data-total', String(sumSeries(series)));
  }

  function sumSeries(series) {
    let total = 0;
    Object.values(series).forEach(s => Object.values(s).forEach(v => { total += num(v); }));
    return total;
  }

  // Stacked bars: series {name -> {month -> value}}.
  function stacked(el, months, series) {
    const names = Object.keys(series);
    let max = 0;
    months.forEach(m => { max = Math.max(max, names.reduce((a, n) => a + num(series[n][m]), 0)); });
    const f = frame(el, months, max);
    const width = Math.max(4, 380 / Math.max(1, months.length) - 4);
    months.forEach((m, i) => {
      let base = 0;
      names.forEach((n, s) => {
        const v = num(series[n][m]);
        if (v > 0) {
          el.appendChild(svg('rect', { x: f.x(i) - width / 2, y: f.y(base + v), width, height: f.y(base) - f.y(base + v), fill: COLOURS[s % COLOURS.length], 'class': 'bar' }));
        }
        base += v;
      });
    });
    legend(el, f, names);
    el.setAttribute('data-total', String(sumSeries(series)));
  }

  function pivot(rows, dim, measure) {
    const out = {};
    rows.forEach(r => { (out[r[dim]] = out[r[dim]] || {})[r.month] = r[measure || 'count']; });
    return out;
  }

  async function drawFlows() {
    const p = filters(true); p.set('by', 'month,direction');
    const t = await table('crossings', p);
    const s = pivot(t.rows, 'direction');
    lines($('chart-flows'), monthsOf(t.rows), { arrivals: s.ENTRY || {}, departures: s.EXIT || {} });
    $('total-arrivals').textContent = String(Object.values(s.ENTRY || {}).reduce((a, v) => a + num(v), 0));
    $('total-departures').textContent = String(Object.values(s.EXIT || {}).reduce((a, v) => a + num(v), 0));
    $('as-of').textContent = 'clock: ' + (t.asOf || '-');
    const badge = $('protected-badge');
    badge.textContent = t.protected ? 'protected (public)' : 'exact';
    badge.className = t.protected ? 'badge' : 'badge exact';
  }

  async function drawStays() {
    const p = filters(true); p.set('by', 'month,durationClass'); p.set('kind', 'STAY');
    const t = await table('spells', p);
    const s = pivot(t.rows, 'durationClass');
    const ordered = {};
    ['PENDING', 'VISIT', 'SHORT_TERM', 'LONG_TERM'].forEach(c => { ordered[c] = s[c] || {}; });
    stacked($('chart-stays'), monthsOf(t.rows), ordered);
  }

  async function drawMigration() {
    const p = filters(true); p.set('by', 'month'); p.set('direction', 'ENTRY');
    const t = await table('migration-12-16', p);
    const el = $('chart-migration');
    const months = monthsOf(t.rows);
    const byMonth = {};
    t.rows.forEach(r => { byMonth[r.month] = r; });
    let max = 0;
    t.rows.forEach(r => { max = Math.max(max, num(r.upper), num(r.estimate), num(r.finalCount)); });
    const f = frame(el, months, max);
    if (months.length > 0) {
      const upper = months.map((m, i) => f.x(i) + ',' + f.y(num(byMonth[m].upper)));
      const lower = months.map((m, i) => f.x(i) + ',' + f.y(num(byMonth[m].lower))).reverse();
      el.appendChild(svg('polygon', { points: upper.concat(lower).join(' '), fill: '#a8dadc', 'class': 'band' }));
      el.appendChild(svg('polyline', { points: months.map((m, i) => f.x(i) + ',' + f.y(num(byMonth[m].estimate))).join(' '), fill: 'none', stroke: COLOURS[0], 'stroke-width': 2, 'class': 'series' }));
      el.appendChild(svg('polyline', { points: months.map((m, i) => f.x(i) + ',' + f.y(num(byMonth[m].finalCount))).join(' '), fill: 'none', stroke: COLOURS[1], 'stroke-dasharray': '4 3', 'stroke-width': 2, 'class': 'series' }));
    }
    legend(el, f, ['estimate', 'final count']);
    el.setAttribute('data-total', String(t.rows.reduce((a, r) => a + num(r.estimate), 0)));
  }

  async function drawLabour() {
    const p = filters(true); p.set('by', 'month,flow');
    const t = await table('labour', p);
    const s = pivot(t.rows, 'flow');
    lines($('chart-labour'), monthsOf(t.rows), { 'in (migrants)': s.IN || {}, 'out (emigrants)': s.OUT || {}, returns: s.RETURN || {} });
  }

  async function drawCitizenships() {
    const p = filters(true); p.set('by', 'citizenship'); p.set('direction', 'ENTRY');
    const t = await table('crossings', p);
    const top = t.rows.slice().sort((a, b) => num(b.count) - num(a.count)).slice(0, 10);
    const el = $('chart-citizenships');
    clear(el);
    const max = top.reduce((a, r) => Math.max(a, num(r.count)), 0);
    top.forEach((r, i) => {
      const w = max > 0 ? num(r.count) / max * 480 : 0;
      el.appendChild(svg('text', { x: 2, y: 20 + i * 20 }, r.citizenship));
      el.appendChild(svg('rect', { x: 40, y: 10 + i * 20, width: w, height: 14, fill: COLOURS[0], 'class': 'bar' }));
      el.appendChild(svg('text', { x: 45 + w, y: 21 + i * 20 }, r.count === null ? 'suppressed' : String(r.count)));
    });
    el.setAttribute('data-total', String(top.reduce((a, r) => a + num(r.count), 0)));
  }

  async function drawQuality() {
    const p = filters(false); p.set('by', 'issue');
    const t = await table('quality', p);
    const body = $('quality').querySelector('tbody');
    clear(body);
    t.rows.forEach(r => {
      const tr = document.createElement('tr');
      tr.innerHTML = '<td></td><td></td>';
      tr.children[0].textContent = r.issue;
      tr.children[1].textContent = r.count === null ? 'suppressed' : String(r.count);
      body.appendChild(tr);
    });
  }

  // Filter choices from the data itself (border posts and citizenships seen).
  async function fillChoices() {
    for (const [dim, dataset] of [['borderPost', 'crossings'], ['citizenship', 'crossings']]) {
      const select = $('filter-' + dim);
      const p = new URLSearchParams(); p.set('by', dim);
      const t = await table(dataset, p);
      const have = new Set(Array.from(select.options).map(o => o.value));
      t.rows.map(r => r[dim]).sort().forEach(v => {
        if (!have.has(v)) { const o = document.createElement('option'); o.value = v; o.textContent = v; select.appendChild(o); }
      });
    }
  }

  let running = false;
  async function refresh() {
    if (running) return;
    running = true;
    try {
      await fillChoices();
      await Promise.all([drawFlows(), drawStays(), drawMigration(), drawLabour(), drawCitizenships(), drawQuality()]);
      $('status').textContent = '';
      document.body.setAttribute('data-refreshed', String(Date.now()));
    } catch (e) {
      $('status').textContent = String(e.message || e);
    } finally {
      running = false;
    }
  }

  $('login').addEventListener('submit', ev => {
    ev.preventDefault();
    const user = $('user').value, password = $('password').value;
    state.auth = user ? btoa(user + ':' + password) : null;
    refresh();
  });
  $('logout').addEventListener('click', () => { state.auth = null; $('user').value = ''; $('password').value = ''; refresh(); });
  ['filter-borderPost', 'filter-citizenship', 'filter-from', 'filter-to'].forEach(id => $(id).addEventListener('change', refresh));
  refresh();
  setInterval(refresh, POLL_MS);
})();
