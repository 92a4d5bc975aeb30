// Special-category data on the dashboard (issue 15, item 8): a client's service notes (allergies, medical diets,
// religion: for the advisor, never a model reason) and, on the models page, which versions were trained with them.
// Uses the helpers of app.js ($, tid, esc), loaded before this file; app.js calls these two functions.
'use strict';

/** Adds the "Service notes" section to the client detail just drawn from the GET /api/clients/{id} answer. */
function showServiceNotes(detail) {
  const notes = detail.service_notes || [];
  const section = document.createElement('div');
  section.className = 'service-notes';
  section.dataset.testid = 'service-notes';
  section.innerHTML = '<h3>Service notes <span class="muted small">for the advisor; never used by the models</span></h3>' +
    (notes.length
      ? `<div class="chips">${notes.map((n) => `<span class="chip service" data-testid="service-note" title="${esc(n.reason)}">${esc(n.label)}</span>`).join(' ')}</div>`
      : '<p class="muted small">none</p>');
  const title = tid('detail-title');
  title.after(section);
}

/** Marks the versions of GET /api/models trained with special-category data (sensitive_included) in the version list. */
function markSensitiveModels(models) {
  for (const m of models) {
    if (!m.sensitive_included) continue;
    const row = $(`tr[data-version="${CSS.escape(m.version)}"]`, tid('model-list'));
    if (!row) continue;
    row.cells[0].insertAdjacentHTML('beforeend',
      ' <span class="chip sensitive" data-testid="model-sensitive" title="trained with --include-sensitive: health and religion data in the model">sensitive data</span>');
  }
}
