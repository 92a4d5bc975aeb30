// Clientele dashboard: plain JavaScript against the server's own JSON API.
// The dashboard must work with no network at run time (boutique back offices, air-gapped servers): no CDN.
// Every chart — the overview's score histograms, the models page's metrics, calibration and holdout charts — is
// drawn by the vendored uPlot (lib/uplot, MIT) through charts.js; the segment bars and the client page's purchase
// timeline are plain inline SVG.
'use strict';

const state = { page: 1, pageSize: 20, total: 0, selected: null };
const $ = (sel, root = document) => root.querySelector(sel);
const tid = (id) => $(`[data-testid="${id}"]`);
// A narrow no-break space before "%": a percentage never wraps over two lines, whatever the column's width.
const pct = (v) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}\u202f%`);
const money = (v) => (v === null || v === undefined ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: 0 }));
const num = (v, d = 3) => (v === null || v === undefined || Number.isNaN(v) ? '—' : (Math.abs(v) < 0.5 * 10 ** -d ? 0 : Number(v)).toFixed(d));
const date = (v) => (v ? String(v).replace('T', ' ').slice(0, 16) : '');

/** Escapes text for innerHTML: note text and names come from uploads and must never become markup. */
function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function showMessage(text, isError = true) {
  const box = tid('message');
  box.textContent = text;
  box.className = isError ? 'message error' : 'message';
  box.hidden = !text;
  if (text) setTimeout(() => { if (box.textContent === text) box.hidden = true; }, 8000);
}

/** Calls the API; a problem document becomes an Error carrying its detail. */
async function api(path, options = {}) {
  const response = await fetch(path, options);
  const type = response.headers.get('content-type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new Error((body && (body.detail || body.title)) || `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

/** The antiforgery token of the signed-in session, sent with every write (the session cookie itself is HttpOnly). */
let csrfToken = '';

/** Signs in when needed: GET /api/session answers 401 until the sign-in form has posted a valid key. */
async function ensureSession() {
  try {
    csrfToken = (await api('/api/session')).csrf_token;
    return;
  } catch (e) {
    if (e.status !== 401) throw e;
  }
  const dialog = tid('sign-in-dialog');
  const form = tid('sign-in-form');
  const input = tid('key-input');
  const error = tid('sign-in-error');
  await new Promise((resolve) => {
    form.addEventListener('submit', async function submit(event) {
      event.preventDefault();
      try {
        const session = await api('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ key: input.value }) });
        csrfToken = session.csrf_token;
        input.value = '';
        form.removeEventListener('submit', submit);
        dialog.close();
        resolve();
      } catch (x) {
        error.textContent = x.message;
        error.hidden = false;
      }
    });
    dialog.showModal();
    input.focus();
  });
}

/** A write: the session cookie travels by itself; the antiforgery token goes in X-CSRF-Token. */
async function write(path, options = {}) {
  return api(path, { method: 'POST', ...options, headers: { ...(options.headers || {}), 'X-CSRF-Token': csrfToken } });
}

// ---- charts -------------------------------------------------------------------------------

/**
 * A score histogram (equal-width bins from hist.min to hist.max, hist.counts[i] clients in bin i) as bars on the
 * shared uPlot path of charts.js. Ticks fall on bin edges; hovering a bar shows its bin and count in the legend, and
 * the chart's accessible name lists every bin.
 */
function histogram(container, hist, { testid, xLabel, tick }) {
  const counts = hist.counts || [];
  if (counts.length === 0 || counts.every((c) => c === 0)) {
    container.innerHTML = '<p class="muted">No scored client yet.</p>';
    return;
  }
  const step = (hist.max - hist.min) / counts.length;
  const edge = (i) => hist.min + step * i;
  const bin = (i) => `${tick(edge(i))}–${tick(edge(i + 1))}`;
  Charts.draw(container, {
    testid,
    x: counts.map((_, i) => edge(i) + step / 2),
    xLabel,
    yLabel: 'clients',
    xTicks: tick,
    xValue: (v) => bin(Math.min(counts.length - 1, Math.max(0, Math.floor((v - hist.min) / step)))),
    yTicks: (v) => Math.round(v).toLocaleString('en-US'),
    xRange: [hist.min, hist.max],
    yRange: [0, Math.max(1, Math.ceil(Math.max(...counts) * 1.08))],
    xIncrs: [1, 2, 5, 10].map((k) => k * step),
    yIntegers: true,
    barWidth: 0.9,
    live: true,
    description: counts.map((c, i) => `${bin(i)}: ${c}`).join(', '),
    series: [{ label: 'clients', values: counts, bars: true }],
  });
}

const pctTick = (v) => `${Math.round(v * 100)}\u202f%`;
// Amounts in the data's currency; thousands as "k" ("2.5k", "50k").
const amountTick = (v) => (Math.abs(v) >= 1000 ? `${Number((v / 1000).toFixed(1))}k` : `${Math.round(v)}`);

function segmentBars(container, counts, order) {
  const total = Math.max(1, Object.values(counts).reduce((a, b) => a + b, 0));
  container.innerHTML = order.map((name) => {
    const c = counts[name] || 0;
    return `<div class="barrow"><span class="barlabel">${esc(name)}</span>` +
      `<svg class="hbar" viewBox="0 0 100 10" preserveAspectRatio="none"><rect width="${(100 * c) / total}" height="10" class="seg seg-${esc(name.replace(' ', '-').toLowerCase())}"/></svg>` +
      `<span class="barcount" data-testid="segment-${esc(name.replace(' ', '-').toLowerCase())}">${c}</span></div>`;
  }).join('');
}

// ---- overview -----------------------------------------------------------------------------

async function loadSummary() {
  const s = await api('/api/summary');
  tid('kpi-clients').textContent = s.clients.toLocaleString('en-US');
  tid('kpi-purchase').textContent = pct(s.average_purchase);
  tid('kpi-churn').textContent = pct(s.average_churn);
  tid('kpi-clv').textContent = money(s.average_clv);
  tid('last-scored').textContent = s.last_scored_at ? `scored ${date(s.last_scored_at)}` : 'no scores stored yet';
  histogram(tid('hist-purchase'), s.purchase, { testid: 'hist-purchase-plot', xLabel: 'purchase likelihood', tick: pctTick });
  histogram(tid('hist-churn'), s.churn, { testid: 'hist-churn-plot', xLabel: 'churn risk', tick: pctTick });
  histogram(tid('hist-clv'), s.clv, { testid: 'hist-clv-plot', xLabel: 'lifetime value (amount)', tick: amountTick });
  segmentBars(tid('segments-value'), s.value_segments, ['Low', 'Medium', 'High', 'VIP']);
  segmentBars(tid('segments-risk'), s.risk_segments, ['Safe', 'Monitor', 'At Risk', 'Critical']);
  const calls = s.call_list.map((c) => `<tr data-client="${esc(c.client_id)}"><td>${clientCell(c.display_name, c.client_id)}</td>` +
    `<td>${money(c.score.predicted_clv)}</td><td>${pct(c.score.churn_risk)}</td><td class="reasons">${esc(c.score.reasons)}</td></tr>`);
  $('tbody', tid('call-list')).innerHTML = calls.join('') || '<tr><td colspan="4" class="muted">Nobody to call: no high-value client is at risk.</td></tr>';
  tid('top-concepts').innerHTML = s.top_concepts.map((c) => `<li><span>${esc(c.label)}</span><span class="muted">${c.clients}</span></li>`).join('')
    || '<li class="muted">No concepts yet.</li>';
}

function clientCell(name, id) {
  return name ? `<strong>${esc(name)}</strong><br><span class="muted small">${esc(id)}</span>` : `<strong>${esc(id)}</strong>`;
}

// ---- clients ------------------------------------------------------------------------------

function scoreCells(s) {
  if (!s) return '<td colspan="6" class="muted">not scored</td>';
  return `<td data-label="Purchase" class="num">${pct(s.purchase_prob)}</td><td data-label="Churn" class="num">${pct(s.churn_risk)}</td><td data-label="CLV" class="num">${money(s.predicted_clv)}</td>` +
    `<td data-label="Value"><span class="chip seg-${esc((s.value_segment || '').toLowerCase())}">${esc(s.value_segment)}</span></td>` +
    `<td data-label="Risk"><span class="chip seg-${esc((s.risk_segment || '').replace(' ', '-').toLowerCase())}">${esc(s.risk_segment)}</span></td>` +
    `<td data-label="Reasons" class="reasons">${esc(s.reasons)}</td>`;
}

async function loadClients() {
  const q = new URLSearchParams({ page: state.page, page_size: state.pageSize });
  const search = tid('client-search').value.trim();
  if (search) q.set('q', search);
  if (tid('filter-value').value) q.set('segment', tid('filter-value').value);
  if (tid('filter-risk').value) q.set('risk', tid('filter-risk').value);
  const page = await api(`/api/clients?${q}`);
  state.total = page.total;
  $('tbody', tid('client-table')).innerHTML = page.items.map((c) =>
    `<tr data-client="${esc(c.client_id)}" data-testid="client-row"><td>${clientCell(c.display_name, c.client_id)}</td>${scoreCells(c.score)}</tr>`).join('')
    || '<tr><td colspan="7" class="muted">No client matches.</td></tr>';
  const pages = Math.max(1, Math.ceil(page.total / state.pageSize));
  tid('page-info').textContent = `page ${state.page} of ${pages} · ${page.total} clients`;
  tid('page-prev').disabled = state.page <= 1;
  tid('page-next').disabled = state.page >= pages;
}

async function openClient(id) {
  state.selected = id;
  const d = await api(`/api/clients/${encodeURIComponent(id)}`);
  const c = d.client, s = c.score;
  const notes = d.notes.map((n) => `<li data-testid="client-note"><div class="muted small">${esc(n.date || '')} ${esc(n.language || '')}</div>${esc(n.text)}</li>`).join('');
  const concepts = d.concepts.map((k) => `<span class="chip" title="${esc(k.category)}">${esc(k.label)}${k.count > 1 ? ` ×${k.count}` : ''}</span>`).join(' ');
  const history = d.history.map((h) => `<tr><td>${esc(date(h.scored_at))}</td><td>${esc(h.model_version)}</td><td>${pct(h.score.purchase_prob)}</td>` +
    `<td>${pct(h.score.churn_risk)}</td><td>${money(h.score.predicted_clv)}</td></tr>`).join('');
  tid('client-detail').innerHTML =
    `<h2 data-testid="detail-title">${esc(c.display_name || c.client_id)} <span class="muted small">${esc(c.client_id)}</span></h2>` +
    (s ? `<div class="kpis small-kpis"><div class="kpi"><div class="kpi-label">Purchase</div><div class="kpi-value">${pct(s.purchase_prob)}</div></div>` +
      `<div class="kpi"><div class="kpi-label">Churn</div><div class="kpi-value">${pct(s.churn_risk)}</div></div>` +
      `<div class="kpi"><div class="kpi-label">CLV</div><div class="kpi-value">${money(s.predicted_clv)}</div></div></div>` +
      `<p class="reasons">${esc(s.reasons)}</p>` : '<p class="muted">Not scored yet.</p>') +
    renderPurchases(d.purchases, s ? s.predicted_clv : null) +
    `<h3>Concepts</h3><div class="chips">${concepts || '<span class="muted">none</span>'}</div>` +
    `<h3>Notes (${d.notes.length})</h3><ul class="notes">${notes}</ul>` +
    `<h3>Score history</h3><table class="table"><thead><tr><th>Scored</th><th>Model</th><th>Purchase</th><th>Churn</th><th>CLV</th></tr></thead><tbody>${history}</tbody></table>`;
  // On a phone the client page sits below the list: bring it into view.
  if (window.matchMedia('(max-width: 700px)').matches) tid('client-detail').scrollIntoView({ block: 'start' });
  drawPurchaseTimeline(d.purchases);
  showServiceNotes(d);
}

// ---- models and runs ----------------------------------------------------------------------

const metric = (report, target, kind, name) => report?.[kind]?.[target]?.[name];

function tierCompare(models) {
  const fast = models.find((m) => m.tier === 'fast');
  const elite = models.find((m) => m.tier === 'elite');
  const rows = [
    ['Purchase accuracy', 'purchased', 'accuracy'], ['Purchase AUC', 'purchased', 'auc'],
    ['Churn accuracy', 'churned', 'accuracy'], ['Churn AUC', 'churned', 'auc'],
    ['CLV R²', 'lifetime_value', 'r2'], ['CLV RMSE', 'lifetime_value', 'rmse'],
  ];
  const base = fast || elite;
  $('thead', tid('tier-compare')).innerHTML = `<tr><th>Metric</th><th>Baseline</th><th>Fast${fast ? ` <span class="muted small">${esc(fast.version)}</span>` : ''}</th>` +
    `<th>Elite${elite ? ` <span class="muted small">${esc(elite.version)}</span>` : ''}</th></tr>`;
  $('tbody', tid('tier-compare')).innerHTML = rows.map(([label, t, m]) => {
    const d = m === 'rmse' ? 0 : 3;
    return `<tr><td>${label}</td><td class="muted">${num(metric(base?.report, t, 'baseline', m), d)}</td>` +
      `<td>${num(metric(fast?.report, t, 'metrics', m), d)}</td><td>${num(metric(elite?.report, t, 'metrics', m), d)}</td></tr>`;
  }).join('');
}

async function loadModels() {
  const models = await api('/api/models');
  tierCompare(models);
  $('tbody', tid('model-list')).innerHTML = models.map((m) => `<tr data-version="${esc(m.version)}" data-testid="model-row">` +
    `<td>${esc(m.version)}</td><td>${esc(m.tier)}</td><td>${esc(date(m.created_at))}</td>` +
    `<td>${num(metric(m.report, 'purchased', 'metrics', 'auc'))}</td><td>${num(metric(m.report, 'churned', 'metrics', 'auc'))}</td>` +
    `<td>${num(metric(m.report, 'lifetime_value', 'metrics', 'r2'))}</td>` +
    `<td>${m.active ? '<span class="chip active" data-testid="model-active">active</span>'
      : `<button type="button" data-activate="${esc(m.version)}" data-testid="activate-${esc(m.version)}">Activate</button>`}</td></tr>`).join('')
    || '<tr><td colspan="7" class="muted">No model yet: train one.</td></tr>';
  if (typeof drawModelCharts === 'function') drawModelCharts(models);
  markSensitiveModels(models);
}

async function loadRuns() {
  const runs = await api('/api/runs');
  $('tbody', tid('run-list')).innerHTML = runs.map((r) => `<tr><td>${esc(r.kind)}</td><td><span class="chip st-${esc(r.status)}">${esc(r.status)}</span></td>` +
    `<td>${esc(date(r.started_at))}</td><td>${r.clients}</td><td>${esc(r.model_version || '')}</td><td class="reasons">${esc(r.message || '')}</td></tr>`).join('')
    || '<tr><td colspan="6" class="muted">No run yet.</td></tr>';
}

async function loadHealth() {
  const h = await api('/health');
  tid('active-version').textContent = h.model_version ? `${h.model_version} (${h.model_tier})` : 'none';
}

async function activate(version) {
  try {
    await write(`/api/models/${encodeURIComponent(version)}/activate`);
    showMessage(`Version ${version} is now active.`, false);
    await Promise.all([loadModels(), loadHealth()]);
  } catch (e) {
    showMessage(e.message);
  }
}

async function startRun(kind) {
  try {
    const job = await write(`/api/runs/${kind}`);
    showMessage(`Started ${kind} (job ${job.id}).`, false);
    const poll = setInterval(async () => {
      const j = await api(`/api/jobs/${job.id}`);
      if (j.status === 'succeeded' || j.status === 'failed') {
        clearInterval(poll);
        showMessage(`${kind} ${j.status}${j.message ? `: ${j.message}` : ''}`, j.status === 'failed');
        refreshAll();
      }
    }, 1000);
  } catch (e) {
    showMessage(e.message);
  }
}

// ---- upload -------------------------------------------------------------------------------

async function upload(event) {
  event.preventDefault();
  const file = tid('upload-file').files[0];
  if (!file) { showMessage('Choose a notes CSV first.'); return; }
  const form = new FormData();
  form.append('file', file);
  const status = tid('upload-status');
  status.textContent = 'Scoring…';
  try {
    const store = tid('upload-store').checked;
    const scores = await write(store ? '/api/predict?store=true' : '/api/predict', { body: form });
    $('tbody', tid('upload-results')).innerHTML = scores.map((s) =>
      `<tr data-testid="upload-row"><td><strong>${esc(s.client_id)}</strong></td>${scoreCells(s)}</tr>`).join('');
    status.textContent = `${scores.length} clients scored${store ? ' and saved' : ''}.`;
    if (store) refreshAll();
  } catch (e) {
    status.textContent = '';
    showMessage(e.message);
  }
}

// ---- wiring -------------------------------------------------------------------------------

function showTab(name) {
  document.querySelectorAll('.tab').forEach((t) => t.classList.toggle('active', t.dataset.tab === name));
  document.querySelectorAll('.panel-tab').forEach((p) => { p.hidden = p.id !== `tab-${name}`; });
  // Charts drawn while their tab was hidden had no width to follow: the overview's histograms are drawn again when shown.
  if (name === 'overview') loadSummary().catch((e) => showMessage(e.message));
  if (name === 'clients') loadClients().catch((e) => showMessage(e.message));
  if (name === 'models') Promise.all([loadModels(), loadRuns()]).catch((e) => showMessage(e.message));
}

function refreshAll() {
  return Promise.all([loadHealth(), loadSummary(), loadClients(), loadModels(), loadRuns()]).catch((e) => showMessage(e.message));
}

document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('.tab').forEach((t) => t.addEventListener('click', () => showTab(t.dataset.tab)));
  tid('client-search-form').addEventListener('submit', (e) => { e.preventDefault(); state.page = 1; loadClients().catch((x) => showMessage(x.message)); });
  tid('filter-value').addEventListener('change', () => { state.page = 1; loadClients(); });
  tid('filter-risk').addEventListener('change', () => { state.page = 1; loadClients(); });
  tid('page-prev').addEventListener('click', () => { state.page -= 1; loadClients(); });
  tid('page-next').addEventListener('click', () => { state.page += 1; loadClients(); });
  tid('client-table').addEventListener('click', (e) => {
    const row = e.target.closest('tr[data-client]');
    if (row) openClient(row.dataset.client).catch((x) => showMessage(x.message));
  });
  tid('call-list').addEventListener('click', (e) => {
    const row = e.target.closest('tr[data-client]');
    if (row) { showTab('clients'); openClient(row.dataset.client).catch((x) => showMessage(x.message)); }
  });
  tid('model-list').addEventListener('click', (e) => {
    const button = e.target.closest('button[data-activate]');
    if (button) activate(button.dataset.activate);
  });
  tid('run-nightly').addEventListener('click', () => startRun('nightly-score'));
  tid('run-weekly').addEventListener('click', () => startRun('weekly-retrain'));
  tid('upload-form').addEventListener('submit', upload);
  ensureSession().then(refreshAll).then(() => document.body.setAttribute('data-loaded', 'true')).catch((e) => showMessage(e.message));
});
