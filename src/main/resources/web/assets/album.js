// One album: uploads go to S3, one summary poll follows them (never one poll per photo), and the loaded pages of the
// gallery are fetched again only when the summary says a photo in them changed, or a new one came.
import { $ } from './dom.js';
import { api, user } from './api.js';
import { enqueue, batch, clearBatch, uploading, onUploadChange } from './uploads.js';
import * as batches from './batch.js';
import { updateGallery, resetGallery } from './gallery.js';
import { setUpPages, openPages, reload, isLoaded, allLoaded, drop } from './pages.js';

const POLL_MS = 1500;
let current = null;
let summary = null;
/** Listed photos past the loaded pages when the gallery was last fetched: their changes wait for the scroll. */
let beyond = new Set();
/** Set when something outside the poll changed the album: the next poll fetches the loaded pages again. */
let stale = false;
let timer = null;
/** The album's first poll, which a photo link opened with the album waits for. */
let opening = Promise.resolve();
let polling = null;
let again = false;
/** Photos put back on the queue, by the version they had then: followed until their item changes. */
const retried = new Map();
let onOpenPhoto = () => {};

export const currentAlbum = () => current;

/** The album's last summary (counts, each photo's state), or null before the first. */
export const albumSummary = () => summary;

export function setUpAlbum(openPhoto) {
  onOpenPhoto = openPhoto;
  setUpPages(updateGallery);
  const input = $('#file-input');
  input.addEventListener('change', () => {
    add([...input.files]);
    input.value = '';
  });
  const zone = $('#drop-zone');
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    add([...e.dataTransfer.files]);
  });
  $('#batch-clear').addEventListener('click', () => {
    clearBatch(user.get(), current);
    redrawBatch();
  });
  onUploadChange(() => {
    redrawBatch();
    if (current && timer === null) schedule(POLL_MS);
  });
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && current && schedule(0));
}

function add(files) {
  if (!current || files.length === 0) return;
  const rows = batches.rows(batch(user.get(), current), summary);
  enqueue(user.get(), current, files, rows.length > 0 && batches.finished(rows));
}

/** Shows the album, resolving once its first page is there (at once when it is shown already: the photo view). */
export function showAlbum(albumID) {
  if (albumID === current) return opening;
  leaveAlbum();
  current = albumID;
  openPages(albumID);
  $('#album-title').textContent = albumID.slice(albumID.indexOf('/') + 1);
  opening = poll();
  return opening;
}

/** Stops following the album and forgets what was shown: another album, or another user. */
export function leaveAlbum() {
  clearTimeout(timer);
  timer = null;
  polling = null;
  again = false;
  current = null;
  summary = null;
  beyond = new Set();
  stale = false;
  retried.clear();
  openPages(null);
  resetGallery();
  batches.render([], onOpenPhoto);
  $('#batch-files').replaceChildren();
  $('#album-error').hidden = true;
}

function schedule(delay) {
  clearTimeout(timer);
  timer = setTimeout(poll, delay);
}

/** Polls now; a poll asked for while one runs comes right after it (a job asks every second). */
function poll() {
  timer = null;
  if (polling) {
    again = true;
    return polling;
  }
  const mine = pollOnce().finally(() => {
    if (polling !== mine) return;
    polling = null;
    if (again) schedule(0);
    again = false;
  });
  polling = mine;
  return mine;
}

async function pollOnce() {
  const albumID = current;
  if (!albumID) return;
  try {
    const next = await api.summary(albumID);
    if (albumID !== current) return;
    const change = changes(summary, next);
    if (change.reload) {
      stale = false;
      await reload(change.added);
      if (albumID !== current) return;
      beyond = new Set(allLoaded() ? [] : next.photos
        .filter((p) => LISTED.has(p.status) && !isLoaded(p.imageID)).map((p) => p.imageID));
    }
    summary = next;
    for (const photo of next.photos) {
      if (retried.has(photo.imageID) && retried.get(photo.imageID) !== photo.version) retried.delete(photo.imageID);
    }
    $('#album-error').hidden = true;
  } catch (error) {
    if (albumID !== current) return;
    $('#album-error').textContent = error.message;
    $('#album-error').hidden = false;
    if (error.status !== 503) return;
  }
  const rows = redrawBatch();
  if (uploading() || !batches.finished(rows) || batches.jobWorking(summary) || retried.size > 0) schedule(POLL_MS);
}

/** States in which a photo is sure to be in the album's list (its item is filed under the album). */
const LISTED = new Set(['SUCCEEDED']);

/**
 * Whether the loaded pages need fetching again: a photo in them changed or went, or one came that may sort among
 * them (a new upload comes first); how many came. Changes past the loaded pages wait until they are scrolled to.
 */
function changes(previous, next) {
  if (!previous || stale) return { reload: true, added: 0 };
  const before = new Map(previous.photos.map((p) => [p.imageID, p.version]));
  const now = new Set(next.photos.map((p) => p.imageID));
  let reloading = previous.photos.some((p) => !now.has(p.imageID) && isLoaded(p.imageID));
  let added = 0;
  for (const photo of next.photos) {
    if (before.get(photo.imageID) === photo.version || beyond.has(photo.imageID)) continue;
    reloading = true;
    if (!isLoaded(photo.imageID)) added++;
  }
  return { reload: reloading, added };
}

function redrawBatch() {
  if (!current) return [];
  const rows = batches.rows(batch(user.get(), current), summary);
  batches.render(rows, onOpenPhoto);
  return rows;
}

/** Puts a photo the queue gave up on back on the queue; the summary poll follows it again. */
export async function retry(imageID) {
  try {
    await api.retry(imageID);
    retried.set(imageID, summary?.photos.find((p) => p.imageID === imageID)?.version);
  } catch (error) {
    $('#album-error').textContent = error.message;
    $('#album-error').hidden = false;
  }
  stale = true;
  schedule(0);
}

/** Fetches the summary now: after something outside the poll (a retry, a job) changed the album. */
export function refresh() {
  if (current) schedule(0);
}

/** Takes a deleted photo out of the album's state, so the poll does not fetch the gallery again for it. */
export function forget(imageID) {
  beyond.delete(imageID);
  if (summary) summary = { ...summary, photos: summary.photos.filter((p) => p.imageID !== imageID) };
  drop(imageID);
}
