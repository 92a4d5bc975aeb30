// Today: the advisor's worklist (GET /api/worklist), logging a contact (POST /api/contacts) and a CSV export.
// Uses the helpers of app.js ($, tid, esc, api, write, showMessage), loaded before this file.
'use strict';

const today = { rows: [] };

const worklistColumns = ['client_id', 'advisor', 'action', 'channel', 'priority', 'due', 'reason', 'last_contact', 'days_since_purchase'];

/** Loads the worklist with the page's filters and draws the table. */
async function loadWorklist() {
  const params = new URLSearchParams({ days: tid('today-days').value, language: tid('today-language').value });
  const advisor = tid('today-advisor').value.trim();
  if (advisor) params.set('advisor', advisor);
  const list = await api(`/api/worklist?${params}`);
  today.rows = list.items;
  tid('today-summary').textContent = `${list.items.length} to contact as of ${list.as_of}`
    + ` · ${list.held_out} held out (control group) · ${list.recently_contacted} contacted recently`;
  $('tbody', tid('worklist-table')).innerHTML = list.items.map((r) => `
    <tr data-testid="worklist-row" data-client="${esc(r.client_id)}">
      <td data-label="Client"><strong>${esc(r.client_id)}</strong></td>
      <td data-label="Action">${esc(r.action_label)} <span class="muted small">${esc(r.channel.replace('_', ' '))}</span></td>
      <td data-label="Due" class="nowrap">${esc(r.due)}</td>
      <td data-label="Priority"><span class="priority">${esc(r.priority)}</span></td>
      <td data-label="Reason" class="reason">${esc(r.reason)}</td>
      <td data-label="Last contact" class="nowrap">${esc(r.last_contact || '—')}</td>
      <td data-label="Days since purchase">${esc(r.days_since_purchase ?? '—')}</td>
      <td data-label="Advisor">${esc(r.advisor || '—')}</td>
      <td><button type="button" data-testid="log-contact" data-log="${esc(r.client_id)}" data-channel="${esc(r.channel)}">Log contact</button></td>
    </tr>`).join('');
}

/** Logs a contact made today over the row's channel; the client then leaves the list. */
async function logContact(clientId, channel) {
  await write('/api/contacts', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: clientId, outcome: 'reached', channel }),
  });
  showMessage(`Contact with ${clientId} logged.`, false);
  await loadWorklist();
}

/** The loaded rows as the CLI's worklist CSV (same header), downloaded as a file. */
function exportWorklist() {
  const cell = (v) => {
    const s = String(v ?? '');
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [worklistColumns.join(',')].concat(today.rows.map((r) => worklistColumns.map((c) => cell(r[c])).join(',')));
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([lines.join('\n') + '\n'], { type: 'text/csv' }));
  link.download = 'worklist.csv';
  link.dataset.testid = 'today-download';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

// Wired at once: this script is the last of the body, so the page's elements exist.
(function wireToday() {
  const load = () => loadWorklist().catch((e) => showMessage(e.message));
  tid('tab-today').addEventListener('click', load);
  tid('today-form').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  tid('today-export').addEventListener('click', exportWorklist);
  tid('worklist-table').addEventListener('click', (e) => {
    const button = e.target.closest('button[data-log]');
    if (button) {
      button.disabled = true;
      logContact(button.dataset.log, button.dataset.channel).catch((x) => { button.disabled = false; showMessage(x.message); });
    }
  });
}());
