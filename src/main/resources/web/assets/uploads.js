// The upload queue and this browser's record of each batch: a few files at a time go to S3, each with a ticket asked
// for right before it; the record (localStorage) outlives the page, so a reloaded or new tab can say which files
// never went. Leaving the page while files still go asks first.
import { api, postToS3 } from './api.js';

const CONCURRENCY = 3;
const HEARTBEAT_MS = 2000;
const PAGE = crypto.randomUUID();
const queue = [];
const progress = new Map();
let active = 0;
let listener = () => {};

const key = (userID, albumID) => `imageproc.batch.${userID}.${albumID}`;
const alive = (page) => page === PAGE
  || Date.now() - Number(localStorage.getItem(`imageproc.page.${page}`) ?? 0) < 2.5 * HEARTBEAT_MS;

/** The batch of uploads this browser started in the album: [{id, name, imageID?, state, error?, page}]. */
export function batch(userID, albumID) {
  return JSON.parse(localStorage.getItem(key(userID, albumID)) ?? '[]');
}

function save(userID, albumID, entries) {
  localStorage.setItem(key(userID, albumID), JSON.stringify(entries));
}

function change(userID, albumID, id, values) {
  save(userID, albumID, batch(userID, albumID).map((e) => (e.id === id ? { ...e, ...values } : e)));
  listener();
}

/** Forgets the album's batch (the person cleared it, or a new batch starts after a finished one). */
export function clearBatch(userID, albumID) {
  localStorage.removeItem(key(userID, albumID));
}

/** Whether this page still sends or waits to send files. */
export const uploading = () => active + queue.length > 0;

/** The share of the file sent so far, for an upload this page is sending. */
export const sent = (imageID) => progress.get(imageID);

/** Whether an entry's upload is still going on in a live page (this one or another tab). */
export const going = (entry) => (entry.state === 'QUEUED' || entry.state === 'SENDING') && alive(entry.page);

export function onUploadChange(callback) {
  listener = callback;
}

/** Queues the files; a batch whose every file went starts afresh. */
export function enqueue(userID, albumID, files, finished) {
  let entries = finished ? [] : batch(userID, albumID);
  for (const file of files) {
    const entry = { id: crypto.randomUUID(), name: file.name, state: 'QUEUED', page: PAGE };
    entries = [...entries, entry];
    queue.push({ userID, albumID, file, entry });
  }
  save(userID, albumID, entries);
  listener();
  pump();
}

function pump() {
  while (active < CONCURRENCY && queue.length > 0) {
    send(queue.shift());
  }
}

async function send({ userID, albumID, file, entry }) {
  active++;
  try {
    const ticket = await api.upload(albumID, file);
    change(userID, albumID, entry.id, { imageID: ticket.imageID, state: 'SENDING' });
    progress.set(ticket.imageID, 0);
    await postToS3(ticket, file, (fraction) => { progress.set(ticket.imageID, fraction); });
    progress.delete(ticket.imageID);
    change(userID, albumID, entry.id, { state: 'SENT' });
  } catch (error) {
    change(userID, albumID, entry.id, { state: 'REFUSED', error: error.message });
  } finally {
    active--;
    pump();
    listener();
  }
}

window.addEventListener('beforeunload', (event) => {
  if (uploading()) {
    event.preventDefault();
    event.returnValue = '';
  }
});

localStorage.setItem(`imageproc.page.${PAGE}`, String(Date.now()));
setInterval(() => localStorage.setItem(`imageproc.page.${PAGE}`, String(Date.now())), HEARTBEAT_MS);
window.addEventListener('pagehide', () => localStorage.removeItem(`imageproc.page.${PAGE}`));
