// The batch summary ("37 of 60 done, 2 failed") over this browser's uploads to the album and whatever the server
// still has in progress there, with each file's state on demand.
import { h, $, show } from './dom.js';
import { going, sent } from './uploads.js';

/** Final states: nothing more happens to the file by itself. */
const FINAL = new Set(['SUCCEEDED', 'FAILED', 'REFUSED', 'MISSING', 'NOT_SENT']);
const IN_PROGRESS = new Set(['UPLOADING', 'UPLOADED', 'RUNNING', 'WAITING']);

const WORDS = {
  QUEUED: 'waiting to upload', UPLOADING: 'uploading', UPLOADED: 'uploaded, waiting for processing',
  RUNNING: 'processing', WAITING: 'failed, will be retried', SUCCEEDED: 'done', FAILED: 'failed',
  REFUSED: 'refused', MISSING: 'did not arrive', NOT_SENT: 'not sent',
};

/**
 * Each file of the batch with its state: the server's for a file it issued a ticket for, the browser's before that
 * (queued, refused, or never sent because the page was closed).
 */
export function rows(entries, summary) {
  const byId = new Map((summary?.photos ?? []).map((p) => [p.imageID, p]));
  const listed = new Set();
  const result = entries.map((entry) => {
    const server = entry.imageID && byId.get(entry.imageID);
    listed.add(entry.imageID);
    if (entry.state === 'REFUSED') return { name: entry.name, state: 'REFUSED', cause: entry.error };
    if (!entry.imageID) {
      return going(entry) ? { name: entry.name, state: 'QUEUED' }
        : { name: entry.name, state: 'NOT_SENT', cause: 'The page was closed before it was sent: add the file again' };
    }
    if (!server || (server.status === 'UPLOADING' && !going(entry))) {
      return { name: entry.name, imageID: entry.imageID, state: server ? 'MISSING' : 'UPLOADING',
        cause: server ? 'The page was closed while it was being sent: add the file again' : undefined };
    }
    return { name: entry.name, imageID: entry.imageID, state: server.status, cause: server.cause };
  });
  // what the server still has on the way that this browser did not send (another tab, device or person); a photo a
  // job runs again (a reprocess, a backfill) is no upload: the job's own progress shows it
  for (const photo of summary?.photos ?? []) {
    if (!listed.has(photo.imageID) && !photo.job && (IN_PROGRESS.has(photo.status) || photo.status === 'MISSING')) {
      result.push({ name: photo.fileName ?? photo.imageID, imageID: photo.imageID, state: photo.status,
        cause: photo.cause });
    }
  }
  return result;
}

export const finished = (batchRows) => batchRows.every((row) => FINAL.has(row.state));

/** Whether a job (a reprocess, a backfill) has a photo of the album on its way: the gallery follows it. */
export const jobWorking = (summary) => (summary?.photos ?? [])
  .some((photo) => photo.job && IN_PROGRESS.has(photo.status));

export function sentence(batchRows) {
  const count = (...states) => batchRows.filter((row) => states.includes(row.state)).length;
  const parts = [`${count('SUCCEEDED')} of ${batchRows.length} done`];
  const failed = count('FAILED', 'REFUSED');
  const working = count('UPLOADED', 'RUNNING', 'WAITING');
  const sending = count('QUEUED', 'UPLOADING');
  const lost = count('MISSING', 'NOT_SENT');
  if (failed) parts.push(`${failed} failed`);
  if (working) parts.push(`${working} processing`);
  if (sending) parts.push(`${sending} uploading`);
  if (lost) parts.push(`${lost} did not arrive`);
  return parts.join(', ');
}

/** Redraws the batch section; rows are only rebuilt while the detail is open. */
export function render(batchRows, onOpen) {
  show($('#batch'), batchRows.length > 0);
  if (batchRows.length === 0) return;
  $('#batch-summary').textContent = sentence(batchRows);
  const progress = $('#batch-progress');
  progress.value = batchRows.filter((row) => FINAL.has(row.state)).length / batchRows.length;
  show($('#batch-clear'), finished(batchRows));
  const details = $('#batch-details');
  if (details.open) fill(batchRows, onOpen);
  details.ontoggle = () => details.open && fill(batchRows, onOpen);
}

function fill(batchRows, onOpen) {
  $('#batch-files').replaceChildren(...batchRows.map((row) => {
    const fraction = row.state === 'UPLOADING' && row.imageID ? sent(row.imageID) : undefined;
    return h('li', { class: 'batch-file', dataset: { state: row.state, imageId: row.imageID } },
      row.imageID && !['UPLOADING', 'MISSING'].includes(row.state)
        ? h('button', { type: 'button', class: 'link batch-name', onclick: () => onOpen(row.imageID) }, row.name)
        : h('span', { class: 'batch-name' }, row.name),
      h('span', { class: 'batch-state' }, WORDS[row.state] ?? row.state,
        fraction !== undefined ? ` ${Math.round(fraction * 100)}%` : ''),
      row.cause ? h('span', { class: 'batch-cause' }, row.cause) : null);
  }));
}
