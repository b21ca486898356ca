// border-flows dashboard: plain JS + SVG, no external libraries (the machine has no internet).
// Every figure comes from the query API as it is (status, estimate and interval included); the dashboard only
// draws it. Each panel's question is defined once (PANELS); its chart, tooltips and download links derive from it.
// Polls the query API every few seconds; the browser revalidates with the ETag (304 when unchanged).
(function () {
  'use strict';
  const POLL_MS = 3000;
  const COLOURS = ['#1d3557', '#c1121f', '#1f6f66', '#b35c00', '#6a4c93', '#4d7c32', '#457b9d', '#8a4f5d'];
  const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
  const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const SHORT_MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
  const SVG = 'http://www.w3.org/2000/svg';
  const state = { auth: null };

  function $(id) { return document.getElementById(id); }

  // ---------------------------------------------------------------- figures and their status

  function fmt(v) { return v === null || v === undefined ? '-' : NUMBER.format(Number(v)); }

  function monthLabel(month) {
    const [y, m] = month.split('-').map(Number);
    return MONTH.format(new Date(Date.UTC(y, m - 1, 1)));
  }

  function addMonths(month, n) {
    const [y, m] = month.split('-').map(Number);
    const d = new Date(Date.UTC(y, m - 1 + n, 1));
    return d.getUTCFullYear() + '-' + String(d.getUTCMonth() + 1).padStart(2, '0');
  }

  function periodLabel(month, frequency) {
    return frequency === 'year-ended' ? 'year ended ' + monthLabel(month) : monthLabel(month);
  }

  // One sentence for a figure and its status (RULES §9: final, provisional, estimate, suppressed).
  function describe(row, measure) {
    switch (row.status) {
      case 'suppressed':
        return 'suppressed (a count of 1-5, protected)';
      case 'estimate':
        return fmt(row.estimate) + ' (provisional estimate, 95% interval ' + fmt(row.lower) + ' to '
          + fmt(row.upper) + '; final so far ' + fmt(row.finalCount) + ')';
      case 'none':
        return '0 (no records)';
      case 'provisional':
        return fmt(row[measure]) + ' (provisional: the month is not over)';
      default:
        return fmt(row[measure]) + ' (final)';
    }
  }

  function isProvisional(row) { return row.status === 'estimate' || row.status === 'provisional'; }

  // ---------------------------------------------------------------- API and download links

  function filters(dataset) {
    const p = new URLSearchParams();
    const post = $('filter-borderPost').value;
    const cit = $('filter-citizenship').value;
    const from = $('filter-from').value.trim();
    const to = $('filter-to').value.trim();
    if (post) p.set('borderPost', post);
    if (cit && dataset !== 'quality') p.set('citizenship', cit);
    if (/^\d{4}-\d{2}$/.test(from)) p.set('from', from);
    if (/^\d{4}-\d{2}$/.test(to)) p.set('to', to);
    return p;
  }

  function apiPath(dataset, params) { return '/api/v1/datasets/' + dataset + '?' + params.toString(); }

  function authHeaders(accept) {
    const headers = { Accept: accept };
    if (state.auth) headers.Authorization = 'Basic ' + state.auth;
    return headers;
  }

  // The table and the SDMX data resource asking the same question (the answer's Link header, rel=alternate).
  async function table(dataset, params) {
    const response = await fetch(apiPath(dataset, params), { headers: authHeaders('application/json'), cache: 'no-cache' });
    if (!response.ok) throw new Error(dataset + ': ' + response.status + ' ' + await response.text());
    const link = /<([^>]+)>\s*;\s*rel="alternate"/.exec(response.headers.get('Link') || '');
    const text = await response.text();
    return { doc: JSON.parse(text), text, sdmx: link ? link[1] : null };
  }

  function withParameter(url, name, value) {
    return url + (url.includes('?') ? '&' : '?') + name + '=' + encodeURIComponent(value);
  }

  // The download links of a panel: CSV of the query API, SDMX-CSV and SDMX-ML of the same question.
  function downloadLinks(dataset, params, sdmx) {
    const csv = new URLSearchParams(params); csv.set('format', 'csv');
    const links = [{ label: 'CSV', href: apiPath(dataset, csv), type: 'text/csv' }];
    if (sdmx) {
      links.push({ label: 'SDMX-CSV', href: withParameter(sdmx, 'format', 'csvdata'), type: 'application/vnd.sdmx.data+csv' });
      links.push({ label: 'SDMX-ML', href: withParameter(sdmx, 'format', 'structurespecificdata'), type: 'application/vnd.sdmx.structurespecificdata+xml' });
    }
    return links;
  }

  function renderDownloads(panel, title, links) {
    const p = panel.querySelector('.downloads');
    clear(p);
    p.appendChild(document.createTextNode('Download: '));
    links.forEach(l => {
      const a = document.createElement('a');
      a.href = l.href; a.textContent = l.label; a.className = 'download';
      a.setAttribute('data-type', l.type);
      a.setAttribute('aria-label', 'Download ' + title + ' as ' + l.label);
      p.appendChild(a);
    });
  }

  // Signed in, a download is fetched with the credentials (a plain link would give the public figures).
  document.addEventListener('click', async ev => {
    const a = ev.target.closest && ev.target.closest('a.download');
    if (!a || !state.auth) return;
    ev.preventDefault();
    const response = await fetch(a.href, { headers: authHeaders('*/*') });
    if (!response.ok) { $('status').textContent = a.textContent + ' download: ' + response.status; return; }
    const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
    const url = URL.createObjectURL(await response.blob());
    const save = document.createElement('a');
    save.href = url; save.download = name ? name[1] : 'download';
    document.body.appendChild(save); save.click(); save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });

  // ---------------------------------------------------------------- SVG drawing

  function svg(tag, attrs, text) {
    const el = document.createElementNS(SVG, tag);
    for (const k in attrs) el.setAttribute(k, attrs[k]);
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function tooltip(el, text) { el.appendChild(svg('title', {}, text)); return el; }

  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }

  // Every month of the answer's period (from..to: the API's effective period), a month without a row included.
  function monthsOf(t) {
    const out = [];
    if (!t.from || !t.to) return out;
    for (let month = t.from; month <= t.to; month = addMonths(month, 1)) out.push(month);
    return out;
  }

  // Round tick values (1, 2 or 5 times a power of ten, whole numbers: these are counts) covering lo..hi.
  function ticks(lo, hi) {
    if (hi <= lo) hi = lo + 1;
    const raw = Math.max(1, (hi - lo) / 5);
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map(f => f * power).find(s => s >= raw);
    const out = [];
    for (let v = Math.floor(lo / step) * step; v < hi + step; v += step) out.push(v);
    return out;
  }

  const W = 640, H = 260, L = 52, R = 132, T = 12, B = 44;

  // Axes with ticks, grid lines and month labels; x is a month index, y a count. Returns the scales.
  function frame(el, months, lo, hi, yTitle, xTitle) {
    clear(el);
    el.appendChild(hatchPattern(el.id));
    const ys = ticks(Math.min(0, lo), Math.max(hi, 1));
    const y0 = ys[0], y1 = ys[ys.length - 1];
    const slot = (W - L - R) / Math.max(1, months.length);
    const x = i => L + slot * (i + 0.5);
    const y = v => H - B - (v - y0) / (y1 - y0) * (H - T - B);
    const yAxis = svg('g', { 'class': 'y-axis' });
    ys.forEach(v => {
      yAxis.appendChild(svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), 'class': v === 0 ? 'axis' : 'grid' }));
      yAxis.appendChild(svg('text', { x: L - 4, y: y(v) + 3, 'text-anchor': 'end', 'class': 'tick' }, fmt(v)));
    });
    el.appendChild(yAxis);
    el.appendChild(svg('text', { x: 10, y: T + (H - T - B) / 2, 'class': 'axis-title', transform: 'rotate(-90 10 ' + (T + (H - T - B) / 2) + ')', 'text-anchor': 'middle' }, yTitle));
    const xAxis = svg('g', { 'class': 'x-axis' });
    xAxis.appendChild(svg('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, 'class': 'axis' }));
    // Ticks on calendar months (every 1, 2, 3, 6 or 12 months), the year written at January and the first tick.
    const every = [1, 2, 3, 6, 12].find(n => months.length / n <= 12) || 12;
    let first = true;
    months.forEach((m, i) => {
      if ((Number(m.slice(5)) - 1) % every !== 0) return;
      xAxis.appendChild(svg('line', { x1: x(i), x2: x(i), y1: H - B, y2: H - B + 4, 'class': 'axis' }));
      xAxis.appendChild(svg('text', { x: x(i), y: H - B + 14, 'text-anchor': 'middle', 'class': 'tick' }, label(m, first || m.endsWith('-01'))));
      first = false;
    });
    el.appendChild(xAxis);
    el.appendChild(svg('text', { x: L + (W - L - R) / 2, y: H - 6, 'text-anchor': 'middle', 'class': 'axis-title' }, xTitle));
    return { x, y, slot, zero: y(Math.max(y0, 0)) };
  }

  // A month tick: "Jan 2026" at January and the first tick, else "Feb".
  function label(month, withYear) {
    const [yy, mm] = month.split('-').map(Number);
    const d = new Date(Date.UTC(yy, mm - 1, 1));
    return withYear ? MONTH.format(d) : SHORT_MONTH.format(d);
  }

  function hatchPattern(chartId) {
    const defs = svg('defs', {});
    const p = svg('pattern', { id: 'hatch-' + chartId, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
    p.appendChild(svg('rect', { width: 6, height: 6, fill: '#fff4d6' }));
    p.appendChild(svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#d9a400', 'stroke-width': 2 }));
    defs.appendChild(p);
    return defs;
  }

  // Hatched background behind the months whose figures are provisional (estimate or month not over).
  function markProvisional(el, f, months, provisional, frequency) {
    months.forEach((m, i) => {
      if (!provisional.has(m)) return;
      const r = svg('rect', { x: f.x(i) - f.slot / 2, y: T, width: f.slot, height: H - T - B, fill: 'url(#hatch-' + el.id + ')', 'class': 'provisional-month', 'data-month': m });
      el.insertBefore(tooltip(r, periodLabel(m, frequency) + ': provisional'), el.querySelector('.y-axis').nextSibling);
    });
  }

  // Legend entries: {name, colour, kind: line | dashed | band | bar | hatch | hollow}.
  function legend(el, entries) {
    const g = svg('g', { 'class': 'legend' });
    entries.forEach((e, i) => {
      const x = W - R + 10, y = T + i * 16;
      if (e.kind === 'line' || e.kind === 'dashed') {
        g.appendChild(svg('line', { x1: x, x2: x + 14, y1: y + 5, y2: y + 5, stroke: e.colour, 'stroke-width': 2, 'stroke-dasharray': e.kind === 'dashed' ? '4 3' : 'none' }));
      } else if (e.kind === 'hollow') {
        g.appendChild(svg('circle', { cx: x + 7, cy: y + 5, r: 3, fill: '#fff', stroke: '#555' }));
      } else {
        const fill = e.kind === 'hatch' ? 'url(#hatch-' + el.id + ')' : e.colour;
        g.appendChild(svg('rect', { x, y, width: 14, height: 10, fill, 'fill-opacity': e.kind === 'band' ? 0.25 : 1, stroke: e.kind === 'hatch' ? '#d9a400' : 'none' }));
      }
      g.appendChild(svg('text', { x: x + 18, y: y + 9 }, e.name));
    });
    el.appendChild(g);
  }

  // Runs of consecutive month indices whose value is present (a suppressed figure breaks a line).
  function runs(months, value) {
    const out = [];
    let run = [];
    months.forEach((m, i) => {
      if (value(m) === null) { if (run.length) out.push(run); run = []; } else run.push(i);
    });
    if (run.length) out.push(run);
    return out;
  }

  // A figure of a row: null when suppressed; a cell without a row is 0 (the API leaves empty cells out).
  function value(row, measure) {
    if (!row) return 0;
    return row[measure] === null || row[measure] === undefined ? null : Number(row[measure]);
  }

  const NO_ROW = { status: 'none' };

  // Series: {name, colour, rows: {month -> row}, measure, band (draw lower..upper), dashed}.
  function lineChart(el, spec) {
    const { months, series, frequency } = spec;
    let lo = 0, hi = 0;
    series.forEach(s => months.forEach(m => {
      ['lower', 'upper', s.measure].forEach(k => {
        const v = value(s.rows[m], k);
        if (v !== null && (k === s.measure || s.band)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      });
    }));
    const f = frame(el, months, lo, hi, spec.yTitle, spec.xTitle);
    markProvisional(el, f, months, provisionalMonths(series, months), frequency);
    series.filter(s => s.band).forEach(s => runs(months, m => value(s.rows[m], 'upper')).forEach(run => {
      const up = run.map(i => f.x(i) + ',' + f.y(value(s.rows[months[i]], 'upper')));
      const down = run.map(i => f.x(i) + ',' + f.y(value(s.rows[months[i]], 'lower'))).reverse();
      el.appendChild(svg('polygon', { points: up.concat(down).join(' '), fill: s.colour, 'fill-opacity': 0.18, 'class': 'band', 'data-series': s.name }));
    }));
    series.forEach(s => {
      runs(months, m => value(s.rows[m], s.measure)).forEach(run => {
        const d = run.map((i, k) => (k ? 'L' : 'M') + f.x(i) + ' ' + f.y(value(s.rows[months[i]], s.measure))).join(' ');
        el.appendChild(svg('path', { d, fill: 'none', stroke: s.colour, 'stroke-width': 2, 'stroke-dasharray': s.dashed ? '4 3' : 'none', 'class': 'series', 'data-series': s.name }));
      });
      if (s.markers === false) return;
      months.forEach((m, i) => {
        const row = s.rows[m] || NO_ROW;
        const v = value(s.rows[m], s.measure);
        const c = svg('circle', { cx: f.x(i), cy: v === null ? f.zero : f.y(v), r: 3, fill: v === null ? '#fff' : s.colour, stroke: v === null ? '#555' : s.colour, 'class': 'marker', 'data-status': row.status });
        el.appendChild(tooltip(c, s.name + ', ' + periodLabel(m, frequency) + ': ' + describe(row, s.measure)));
      });
    });
    legend(el, series.map(s => ({ name: s.name, colour: s.colour, kind: s.dashed ? 'dashed' : 'line' }))
      .concat(series.some(s => s.band) ? [{ name: '95% interval', colour: series[0].colour, kind: 'band' }] : [])
      .concat([{ name: 'provisional', kind: 'hatch' }, { name: 'suppressed', kind: 'hollow' }]));
    el.setAttribute('data-points', String(el.querySelectorAll('.marker').length));
  }

  function provisionalMonths(series, months) {
    return new Set(months.filter(m => series.some(s => s.rows[m] && isProvisional(s.rows[m]))));
  }

  // Stacked bars, series {name, colour, rows: {month -> row}} (measure count).
  function stackedBars(el, spec) {
    const { months, series } = spec;
    let hi = 0;
    months.forEach(m => { hi = Math.max(hi, series.reduce((a, s) => a + (value(s.rows[m], 'count') || 0), 0)); });
    const f = frame(el, months, 0, hi, spec.yTitle, spec.xTitle);
    markProvisional(el, f, months, provisionalMonths(series, months), 'month');
    const width = Math.max(2, f.slot * 0.7);
    months.forEach((m, i) => {
      let base = 0;
      series.forEach(s => {
        const row = s.rows[m];
        if (!row) return; // no records: no bar
        const v = value(row, 'count') || 0;
        const r = svg('rect', { x: f.x(i) - width / 2, y: f.y(base + v), width, height: Math.max(v > 0 ? 0 : 1.5, f.y(base) - f.y(base + v)), fill: v > 0 ? s.colour : '#999', 'class': 'bar', 'data-status': row.status });
        el.appendChild(tooltip(r, s.name + ', ' + monthLabel(m) + ': ' + describe(row, 'count')));
        base += v;
      });
    });
    legend(el, series.map(s => ({ name: s.name, colour: s.colour, kind: 'bar' }))
      .concat([{ name: 'provisional', kind: 'hatch' }]));
  }

  function byMonth(rows, dim, value) {
    const out = {};
    rows.filter(r => !dim || r[dim] === value).forEach(r => { out[r.month] = r; });
    return out;
  }

  function seriesOf(rows, dim, names, extra) {
    return Object.keys(names).map((code, i) => Object.assign({ name: names[code], colour: COLOURS[i % COLOURS.length], rows: byMonth(rows, dim, code), measure: 'count' }, extra || {}));
  }

  function sumOf(rows) { return rows.reduce((a, r) => a + (r.count === null ? 0 : Number(r.count)), 0); }

  // ---------------------------------------------------------------- panels: one definition of each question

  const PANELS = [
    {
      id: 'flows', dataset: 'crossings', title: 'arrivals and departures', query: { by: 'month,direction' },
      draw(el, t) {
        lineChart(el, {
          months: monthsOf(t), yTitle: 'crossings', xTitle: 'month of crossing', frequency: 'month',
          series: seriesOf(t.rows, 'direction', { ENTRY: 'arrivals', EXIT: 'departures' })
        });
        $('total-arrivals').textContent = fmt(sumOf(t.rows.filter(r => r.direction === 'ENTRY')));
        $('total-departures').textContent = fmt(sumOf(t.rows.filter(r => r.direction === 'EXIT')));
        $('as-of').textContent = 'clock: ' + (t.asOf || '-');
        const badge = $('protected-badge');
        badge.textContent = t.protected ? 'protected (public)' : 'exact';
        badge.className = t.protected ? 'badge' : 'badge exact';
      }
    },
    {
      id: 'migration', dataset: 'migration-12-16', title: '12/16 long-term migration by month',
      query: { by: 'month,direction' },
      draw(el, t) {
        const months = monthsOf(t);
        const series = [];
        [['ENTRY', 'arrivals', 0], ['EXIT', 'departures', 1]].forEach(([code, name, c]) => {
          const rows = byMonth(t.rows, 'direction', code);
          series.push({ name: name + ', estimate', colour: COLOURS[c], rows, measure: 'estimate', band: true });
          series.push({ name: name + ', final', colour: COLOURS[c], rows, measure: 'finalCount', dashed: true, markers: false });
        });
        lineChart(el, { months, series, frequency: 'month', yTitle: 'long-term migrants', xTitle: 'month of crossing' });
      }
    },
    {
      id: 'year-ended', dataset: 'migration-12-16', title: 'year-ended long-term migration and net',
      query: { by: 'month,direction', frequency: 'year-ended' },
      draw(el, t) {
        // Without a from filter the rows start with the first month of data: a total ending in its first 11
        // months would cover less than 12 months of data, so the chart starts with the first full year.
        const full = $('filter-from').value.trim() ? t.from : addMonths(t.from, 11);
        const rows = t.rows.filter(r => r.month >= full);
        lineChart(el, {
          months: monthsOf(t).filter(m => m >= full), frequency: 'year-ended', yTitle: 'long-term migrants, 12 months', xTitle: 'year ended (month)',
          series: seriesOf(rows, 'direction', { ENTRY: 'arrivals', EXIT: 'departures', NET: 'net' }, { measure: 'estimate', band: true })
        });
      }
    },
    {
      id: 'stock', dataset: 'stock', title: 'stock of non-residents', query: { by: 'month' },
      draw(el, t) {
        lineChart(el, {
          months: monthsOf(t), frequency: 'month', yTitle: 'people present', xTitle: 'end of month',
          series: [{ name: 'non-residents', colour: COLOURS[2], rows: byMonth(t.rows), measure: 'count' }]
        });
      }
    },
    {
      id: 'stays', dataset: 'spells', title: 'stays by duration class', query: { by: 'month,durationClass', kind: 'STAY' },
      draw(el, t) {
        stackedBars(el, {
          months: monthsOf(t), yTitle: 'stays', xTitle: 'month of entry',
          series: seriesOf(t.rows, 'durationClass', { PENDING: 'pending (< 90 d)', VISIT: 'visit', SHORT_TERM: 'short-term', LONG_TERM: 'long-term' })
        });
      }
    },
    {
      id: 'overstays', dataset: 'overstays', title: 'overstays', query: { by: 'month,type' },
      draw(el, t) {
        stackedBars(el, {
          months: monthsOf(t), yTitle: 'overstays', xTitle: 'month',
          series: seriesOf(t.rows, 'type', { AT_EXIT: 'at exit', IN_COUNTRY: 'in country' })
        });
      }
    },
    {
      id: 'labour', dataset: 'labour', title: 'labour migration', query: { by: 'month,flow' },
      draw(el, t) {
        lineChart(el, {
          months: monthsOf(t), frequency: 'month', yTitle: 'people', xTitle: 'month of start (returns: of end)',
          series: seriesOf(t.rows, 'flow', { IN: 'migrants in', OUT: 'emigrants out', RETURN: 'returns' })
        });
      }
    },
    {
      id: 'citizenships', dataset: 'crossings', title: 'top citizenships', query: { by: 'citizenship', direction: 'ENTRY' },
      draw: drawCitizenships
    },
    {
      id: 'quality', dataset: 'quality', title: 'data quality', query: { by: 'issue' },
      draw: drawQuality
    }
  ];

  // Horizontal bars with a value axis; a suppressed figure is a hollow marker at 0.
  function drawCitizenships(el, t) {
    const top = t.rows.slice().sort((a, b) => (b.count || 0) - (a.count || 0)).slice(0, 10);
    clear(el);
    const xs = ticks(0, Math.max(1, top.reduce((a, r) => Math.max(a, r.count || 0), 0)));
    const max = xs[xs.length - 1];
    const left = 52, right = W - 40, x = v => left + v / max * (right - left);
    const axis = svg('g', { 'class': 'x-axis' });
    xs.forEach(v => {
      axis.appendChild(svg('line', { x1: x(v), x2: x(v), y1: 8, y2: 218, 'class': v === 0 ? 'axis' : 'grid' }));
      axis.appendChild(svg('text', { x: x(v), y: 230, 'text-anchor': 'middle', 'class': 'tick' }, fmt(v)));
    });
    el.appendChild(axis);
    el.appendChild(svg('text', { x: (left + right) / 2, y: H - 12, 'text-anchor': 'middle', 'class': 'axis-title' }, 'arrivals over the period'));
    top.forEach((r, i) => {
      const y = 10 + i * 21;
      el.appendChild(svg('text', { x: left - 4, y: y + 11, 'text-anchor': 'end' }, r.citizenship));
      const text = r.citizenship + ': ' + describe(r, 'count');
      if (r.count === null) {
        el.appendChild(tooltip(svg('circle', { cx: left, cy: y + 7, r: 3, fill: '#fff', stroke: '#555', 'class': 'bar', 'data-status': r.status }), text));
      } else {
        el.appendChild(tooltip(svg('rect', { x: left, y, width: x(r.count) - left, height: 14, fill: COLOURS[0], 'class': 'bar', 'data-status': r.status }), text));
      }
      el.appendChild(svg('text', { x: (r.count === null ? left + 6 : x(r.count) + 4), y: y + 11 }, r.count === null ? 'suppressed' : fmt(r.count)));
    });
  }

  function drawQuality(el, t) {
    const body = el.querySelector('tbody');
    clear(body);
    t.rows.forEach(r => {
      const tr = document.createElement('tr');
      [r.issue, r.count === null ? 'suppressed' : fmt(r.count), r.status].forEach((v, i) => {
        const td = document.createElement('td'); td.textContent = v; if (i === 1) td.className = 'number'; tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function panelParameters(panel) {
    const p = filters(panel.dataset);
    Object.entries(panel.query).forEach(([k, v]) => p.set(k, v));
    return p;
  }

  async function refreshPanel(panel) {
    const params = panelParameters(panel);
    const { doc, text, sdmx } = await table(panel.dataset, params);
    // Redraw only when the answer changed (an unchanged chart keeps its open tooltip).
    if (panel.drawn === text) return;
    const el = panel.id === 'quality' ? $('quality') : $('chart-' + panel.id);
    panel.draw(el, doc);
    renderDownloads($('panel-' + panel.id), panel.title, downloadLinks(panel.dataset, params, sdmx));
    panel.drawn = text;
  }

  // Filter choices from the data itself (border posts and citizenships seen).
  async function fillChoices() {
    for (const dim of ['borderPost', 'citizenship']) {
      const select = $('filter-' + dim);
      const { doc } = await table('crossings', new URLSearchParams({ by: dim }));
      const have = new Set(Array.from(select.options).map(o => o.value));
      doc.rows.map(r => r[dim]).sort().forEach(v => {
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
      await Promise.all(PANELS.map(refreshPanel));
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
