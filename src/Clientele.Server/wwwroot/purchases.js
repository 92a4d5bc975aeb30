// Client page: the purchases panel (GET /api/clients/{id} → purchases). A timeline drawn with the vendored uPlot
// (charts.js; nothing fetched, the dashboard runs offline) and the figures: days since the last purchase, spend, orders,
// and the field's BG/NBD + Gamma-Gamma figures beside Clientele's CLV when the active model has them.
// Uses the helpers of app.js (esc, money, pct, num, amountTick) and charts.js, loaded before this file. Presentation attributes, not inline
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
  return `${head}<div data-testid="purchases-panel"><div class="chart" data-testid="purchase-timeline-box"></div>` +
    `<div class="kpis small-kpis">${figures.join('')}</div>${btydNote}</div>`;
}

/**
 * Draws the timeline into the panel's box once the panel is on the page: one bar per transaction on a date axis up to
 * the as-of date, its height the amount (returns below zero), on the shared uPlot path of charts.js; the chart's
 * accessible name lists every transaction.
 */
function drawPurchaseTimeline(p) {
  const box = document.querySelector('[data-testid="purchase-timeline-box"]');
  if (!box || !p || !p.transactions.length) return;
  const day = (s) => Date.parse(`${s}T00:00:00Z`) / 86400000;
  const iso = (d) => new Date(Math.round(d) * 86400000).toISOString().slice(0, 10);
  const rows = [...p.transactions].sort((a, b) => day(a.date) - day(b.date));
  const x = rows.map((t) => day(t.date));
  const first = x[0], last = Math.max(day(p.as_of), first + 1);
  const pad = Math.max(1, (last - first) * 0.03);
  const buys = rows.map((t) => (t.amount >= 0 ? t.amount : null));
  const returns = rows.map((t) => (t.amount < 0 ? t.amount : null));
  const series = [{ label: 'purchase', values: buys, bars: true }];
  if (returns.some((v) => v != null)) series.push({ label: 'return', values: returns, bars: true, color: '#b23a3a' });
  Charts.draw(box, {
    testid: 'purchase-timeline',
    x,
    xLabel: 'date',
    yLabel: 'amount',
    xTicks: iso,
    yTicks: amountTick,
    xRange: [first - pad, last + pad],
    barWidth: 0.9,
    live: true,
    description: `${rows.length} transactions up to ${p.as_of}: ` +
      rows.map((t) => `${t.date}: ${money(t.amount)}${t.currency ? ` ${t.currency}` : ''}`).join(', '),
    series,
  });
}
