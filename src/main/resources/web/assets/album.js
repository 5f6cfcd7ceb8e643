// One album: uploads go to S3, one summary poll follows them (never one poll per photo), and the gallery is
// fetched again only when the summary says a photo changed.
import { $ } from './dom.js';
import { api, user } from './api.js';
import { enqueue, batch, clearBatch, uploading, onUploadChange } from './uploads.js';
import * as batches from './batch.js';
import { updateGallery, resetGallery } from './gallery.js';

const POLL_MS = 1500;
let current = null;
let summary = null;
let versions = '';
let timer = null;
/** Photos put back on the queue, by the version they had then: followed until their item changes. */
const retried = new Map();
let onOpenPhoto = () => {};

export const currentAlbum = () => current;

export function setUpAlbum(openPhoto) {
  onOpenPhoto = openPhoto;
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

/** Shows the album (a no-op when it is shown already: the photo view opens over it). */
export async function showAlbum(albumID) {
  if (albumID === current) return;
  leaveAlbum();
  current = albumID;
  $('#album-title').textContent = albumID.slice(albumID.indexOf('/') + 1);
  await poll();
}

/** Stops following the album and forgets what was shown: another album, or another user. */
export function leaveAlbum() {
  clearTimeout(timer);
  timer = null;
  current = null;
  summary = null;
  versions = '';
  retried.clear();
  resetGallery();
  batches.render([], onOpenPhoto);
  $('#batch-files').replaceChildren();
  $('#album-error').hidden = true;
}

function schedule(delay) {
  clearTimeout(timer);
  timer = setTimeout(poll, delay);
}

async function poll() {
  timer = null;
  const albumID = current;
  if (!albumID) return;
  try {
    const next = await api.summary(albumID);
    if (albumID !== current) return;
    summary = next;
    for (const photo of next.photos) {
      if (retried.has(photo.imageID) && retried.get(photo.imageID) !== photo.version) retried.delete(photo.imageID);
    }
    const changed = next.photos.map((p) => `${p.imageID}:${p.version}`).join(',');
    if (changed !== versions) {
      versions = changed;
      const photos = await api.photos(albumID);
      if (albumID !== current) return;
      updateGallery(photos);
    }
    $('#album-error').hidden = true;
  } catch (error) {
    if (albumID !== current) return;
    $('#album-error').textContent = error.message;
    $('#album-error').hidden = false;
    if (error.status !== 503) return;
  }
  const rows = redrawBatch();
  if (uploading() || !batches.finished(rows) || retried.size > 0) schedule(POLL_MS);
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
  versions = '';
  schedule(0);
}

/** Fetches the summary now: after something outside the poll (a retry) changed the album. */
export const refresh = () => schedule(0);
