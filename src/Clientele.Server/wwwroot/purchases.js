// Client page: the purchases panel (GET /api/clients/{id} → purchases). A timeline drawn as a small inline SVG
// (no chart library: the dashboard runs offline) and the figures: days since the last purchase, spend, orders,
// and the field's BG/NBD + Gamma-Gamma figures beside Clientele's CLV when the active model has them.
// Uses the helpers of app.js (esc, money, pct, num), loaded before this file. Presentation attributes, not inline
// styles: the CSP allows styles from app.css only.
'use strict';

/** The panel's HTML for one client's purchases block; `clienteleClv` is the latest prediction's CLV (or null). */
function renderPurchases(p, clienteleClv) {
  if (!p) return '';
  const head = '<h3>Purchases</h3>';
  if (!p.transactions.length) {
    return `${head}<div data-testid="purchases-panel"><p class="muted" data-testid="no-purchases">No purchases on record` +
      `${p.after_as_of ? ` up to ${esc(p.as_of)} (${p.after_as_of} later)` : ''}.</p></div>`;
  }
  const b = p.btyd;
  const figure = (label, value, id) => `<div class="kpi"><div class="kpi-label">${label}</div><div class="kpi-value" data-testid="${id}">${value}</div></div>`;
  const figures = [
    figure('Days since last purchase', p.days_since_last_purchase ?? '—', 'days-since-purchase'),
    figure('Total spend', money(p.total_spend), 'total-spend'),
    figure('Orders', p.order_count, 'order-count'),
  ];
  if (b) {
    figures.push(
      figure('P(alive)', pct(b.probability_alive), 'p-alive'),
      figure(`Expected purchases, ${b.horizon_days} d`, num(b.expected_purchases, 2), 'expected-purchases'),
      figure(`BTYD CLV, ${b.value_days} d`, money(b.clv), 'btyd-clv'),
      figure('Clientele CLV', money(clienteleClv), 'clientele-clv'));
  }
  const btydNote = b ? `<p class="muted small">BG/NBD + Gamma-Gamma fitted on purchases up to ${esc(b.fitted_as_of)}.</p>`
    : `<p class="muted small" data-testid="btyd-reason">No BG/NBD figures: ${esc(p.btyd_reason)}.</p>`;
  return `${head}<div data-testid="purchases-panel">${purchaseTimeline(p)}` +
    `<div class="kpis small-kpis">${figures.join('')}</div>${btydNote}</div>`;
}

/** The timeline: one mark per transaction on a date axis up to the as-of date, its area proportional to the amount; returns below the axis. */
function purchaseTimeline(p) {
  const w = 560, h = 90, padL = 8, padR = 8, mid = 48;
  const day = (s) => Date.parse(`${s}T00:00:00Z`) / 86400000;
  const first = day(p.transactions[0].date), last = Math.max(day(p.as_of), first + 1);
  const x = (d) => padL + ((day(d) - first) / (last - first)) * (w - padL - padR);
  const biggest = Math.max(...p.transactions.map((t) => Math.abs(t.amount)), 1);
  let svg = `<svg viewBox="0 0 ${w} ${h}" role="img" aria-label="purchase timeline" data-testid="purchase-timeline">`;
  svg += `<line x1="${padL}" y1="${mid}" x2="${w - padR}" y2="${mid}" class="axis" stroke="currentColor" stroke-opacity="0.4"/>`;
  for (const t of p.transactions) {
    const r = 2 + 10 * Math.sqrt(Math.abs(t.amount) / biggest);
    const cy = t.amount < 0 ? mid + 14 : mid - 8;
    const fill = t.amount < 0 ? '#b3261e' : 'currentColor';
    svg += `<circle cx="${x(t.date).toFixed(1)}" cy="${cy}" r="${r.toFixed(1)}" class="bar" fill="${fill}" fill-opacity="0.7" data-testid="purchase-mark">` +
      `<title>${esc(t.date)}: ${esc(money(t.amount))} ${esc(t.currency || '')}</title></circle>`;
  }
  svg += `<text x="${padL}" y="${h - 4}" class="tick">${esc(p.transactions[0].date)}</text>`;
  svg += `<text x="${w - padR}" y="${h - 4}" class="tick" text-anchor="end">${esc(p.as_of)}</text></svg>`;
  return `<div class="chart">${svg}</div>`;
}
