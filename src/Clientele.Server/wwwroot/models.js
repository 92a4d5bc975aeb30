// Models & runs: metrics per version, the calibration (reliability) of a version as a chart and a table, and — for a
// bundle trained with transactions — the BG/NBD holdout table (expected vs actual purchases per calibration
// frequency) and its weekly tracking chart. Uses app.js's helpers ($, tid, esc, num) and charts.js.
'use strict';

const modelsPage = { models: [], selected: null };

const targetNames = { purchased: 'Purchase', churned: 'Churn' };

/** Draws the version charts; called by app.js's loadModels with the versions, newest first. */
function drawModelCharts(models) {
  modelsPage.models = models;
  if (!models.some((m) => m.version === modelsPage.selected)) {
    modelsPage.selected = (models.find((m) => m.active) || models[0] || {}).version || null;
  }

  metricsChart(models);
  versionDetail(models.find((m) => m.version === modelsPage.selected));
}

function metricsChart(models) {
  const box = tid('chart-metrics');
  const ordered = [...models].reverse().filter((m) => m.report);
  if (ordered.length === 0) { box.innerHTML = '<p class="muted">No trained version yet.</p>'; return; }
  const pick = (target, key) => ordered.map((m) => { const v = m.report?.metrics?.[target]?.[key]; return v == null ? null : v; });
  const values = [pick('purchased', 'auc'), pick('churned', 'auc'), pick('lifetime_value', 'r2')];
  const lowest = Math.min(0, ...values.flat().filter((v) => v != null));
  Charts.draw(box, {
    testid: 'metrics-plot',
    x: ordered.map((_, i) => i),
    xLabel: 'version (oldest → newest)',
    yLabel: 'AUC / R² (1 = perfect)',
    xTicks: (v) => (Number.isInteger(v) && ordered[v] ? ordered[v].version : ''),
    yTicks: (v) => num(v, 2),
    yRange: [Math.floor(lowest * 10) / 10, 1],
    xRange: [-0.5, Math.max(0.5, ordered.length - 0.5)],
    series: [
      { label: 'Purchase AUC', values: values[0], points: true },
      { label: 'Churn AUC', values: values[1], points: true },
      { label: 'CLV R²', values: values[2], points: true },
    ],
  });
}

function versionDetail(model) {
  tid('models-selected').textContent = model ? `${model.version} (${model.tier})${model.active ? ', active' : ''}` : '—';
  reliability(model?.report?.reliability || {});
  holdout(model?.report?.holdout || model?.report?.btyd_holdout || null);
}

/** The reliability table of each binary target as one chart (observed rate against predicted, with the diagonal) and a table. */
function reliability(tables) {
  const box = tid('chart-calibration');
  const targets = Object.keys(targetNames).filter((t) => Array.isArray(tables[t]) && tables[t].length > 0);
  const body = $('tbody', tid('calibration-table'));
  if (targets.length === 0) {
    box.innerHTML = '<p class="muted">No reliability table in this version\'s report.</p>';
    body.innerHTML = '';
    return;
  }

  // One x per bin start over every target (their tables may not cover the same bins), 0 and 1 for the diagonal's ends.
  const starts = [...new Set(targets.flatMap((t) => tables[t].map((b) => b.from)))].sort((a, b) => a - b);
  const bins = starts.map((from) => targets.map((t) => tables[t].find((b) => b.from === from)).find((b) => b));
  const mid = bins.map((b) => (b.from + b.to) / 2);
  const x = [0].concat(mid, [1]);
  const observed = (t) => [null].concat(starts.map((from) => { const b = tables[t].find((r) => r.from === from); return b && b.count > 0 ? b.observed_rate : null; }), [null]);
  Charts.draw(box, {
    testid: 'calibration-plot',
    x,
    xLabel: 'predicted probability (bin)',
    yLabel: 'observed rate',
    xTicks: (v) => `${Math.round(v * 100)}\u202f%`,
    yTicks: (v) => `${Math.round(v * 100)}\u202f%`,
    xRange: [0, 1],
    yRange: [0, 1],
    series: [{ label: 'perfectly calibrated', values: x, dash: [4, 4], color: '#bdb5a8' }].concat(targets.map((t) => ({
      label: `${targetNames[t]} observed`,
      values: observed(t),
      points: true,
    }))),
  });
  body.innerHTML = bins.map((b) => `<tr><td class="nowrap">${Math.round(b.from * 100)}–${Math.round(b.to * 100)}&nbsp;%</td>` +
    targets.map((t) => { const r = tables[t].find((x) => x.from === b.from) || {}; return `<td>${r.count ?? 0}</td><td>${r.count ? pctCell(r.mean_predicted) : '—'}</td><td>${r.count ? pctCell(r.observed_rate) : '—'}</td>`; }).join('') + '</tr>').join('');
  $('thead', tid('calibration-table')).innerHTML = `<tr><th rowspan="2">Bin</th>${targets.map((t) => `<th colspan="3">${targetNames[t]}</th>`).join('')}</tr>` +
    `<tr>${targets.map(() => '<th>Clients</th><th>Predicted</th><th>Observed</th>').join('')}</tr>`;
}

const pctCell = (v) => (v == null ? '—' : `${(v * 100).toFixed(1)}&nbsp;%`);

/** BG/NBD holdout check of a bundle trained with transactions: the table per calibration frequency and the weekly tracking chart. */
function holdout(check) {
  const section = tid('holdout-section');
  section.hidden = !check;
  if (!check) return;
  const bins = check.bins || [];
  tid('holdout-days').textContent = `${check.days} days after the calibration period`;
  $('tbody', tid('holdout-table')).innerHTML = bins.map((b) => `<tr data-testid="holdout-row"><td>${esc(b.frequency)}${b.and_more ? '+' : ''}</td>` +
    `<td>${b.clients}</td><td>${num(b.expected, 3)}</td><td>${num(b.actual, 3)}</td></tr>`).join('') +
    `<tr class="total"><td>Total</td><td></td><td>${num(check.total_expected, 1)}</td><td>${num(check.total_actual, 1)}</td></tr>`;
  Charts.draw(tid('chart-holdout'), {
    testid: 'holdout-plot',
    x: bins.map((b) => b.frequency),
    xLabel: 'purchases in the calibration period (repeat days)',
    xTicks: (v) => { const b = bins.find((x) => x.frequency === v); return b ? `${v}${b.and_more ? '+' : ''}` : ''; },
    yLabel: 'purchases / client',
    yTicks: (v) => num(v, 1),
    series: [{ label: 'expected (BG/NBD)', values: bins.map((b) => b.expected), points: true }, { label: 'actual', values: bins.map((b) => b.actual), points: true }],
  });
  const weekly = check.weekly || []; // already cumulative from the calibration end (HoldoutWeek)
  Charts.draw(tid('chart-tracking'), {
    testid: 'tracking-plot',
    x: weekly.map((w) => w.week),
    xLabel: 'week of the holdout',
    xTicks: (v) => (Number.isInteger(v) ? String(v) : ''),
    yLabel: 'cumulative purchases',
    yTicks: (v) => Math.round(v).toLocaleString('en-US'),
    series: [{ label: 'expected (BG/NBD)', values: weekly.map((w) => w.expected) }, { label: 'actual', values: weekly.map((w) => w.actual) }],
  });
}

// Wired at once: this script is loaded at the end of the body, after app.js.
(function wireModels() {
  tid('model-list').addEventListener('click', (e) => {
    const row = e.target.closest('tr[data-version]');
    if (!row || e.target.closest('button')) return;
    modelsPage.selected = row.dataset.version;
    versionDetail(modelsPage.models.find((m) => m.version === modelsPage.selected));
  });
}());
