// One album: upload photos straight to S3 (a signed POST form each), watch each one's processing live, browse
// the gallery.
import { h, $, show } from './dom.js';
import { api, postToS3 } from './api.js';
import { flowDiagram, updateFlow } from './flow.js';
import { photoCard, openPhoto, retryable, waitingToRetry } from './photo.js';

const POLL_MS = 700;
let current = null;

export async function showAlbum(albumID) {
  current = albumID;
  $('#album-title').textContent = albumID.slice(albumID.indexOf('/') + 1);
  $('#runs').replaceChildren();
  show($('#runs-section'), false);
  await refreshGallery();
}

export async function refreshGallery() {
  const albumID = current;
  try {
    const photos = await api.photos(albumID);
    if (albumID !== current) return;
    $('#gallery').replaceChildren(...photos.map((photo) => photoCard(photo, (id) => openPhoto(api, id), retry)));
    show($('#empty-gallery'), photos.length === 0);
    show($('#album-error'), false);
  } catch (error) {
    $('#album-error').textContent = error.message;
    show($('#album-error'), true);
  }
}

function runCard(name, state = 'UPLOADING', text = 'Uploading…') {
  const progress = h('progress', { max: 1, value: 0, 'aria-label': `Upload of ${name}` });
  const status = h('p', { class: 'run-status', 'aria-live': 'polite' }, text);
  const diagram = flowDiagram();
  const card = h('li', { class: 'run', dataset: { state } },
    h('div', { class: 'run-head' }, h('strong', { class: 'run-file' }, name), progress),
    status, diagram);
  $('#runs').prepend(card);
  show($('#runs-section'), true);
  return { card, progress, status, diagram };
}

async function upload(file) {
  const run = runCard(file.name);
  try {
    const ticket = await api.upload(current, file);
    run.card.dataset.imageId = ticket.imageID;
    await postToS3(ticket, file, (fraction) => { run.progress.value = fraction; });
    run.progress.value = 1;
    run.card.dataset.state = 'UPLOADED';
    run.status.textContent = 'Uploaded; waiting for processing to start…';
    await watch(ticket.imageID, run);
  } catch (error) {
    // refused before reaching the pipeline: the flow would only show steps that never ran
    if (run.card.dataset.state === 'UPLOADING') show(run.diagram, false);
    run.card.dataset.state = 'ERROR';
    run.status.textContent = error.message;
  }
}

/** Puts a photo the queue gave up on back on the queue, and watches it run again in the processing list. */
async function retry(imageID) {
  const run = runCard(imageID, 'RETRYING', 'Putting it back on the queue…');
  run.card.dataset.imageId = imageID;
  run.progress.value = 1;
  try {
    const { item } = await api.photo(imageID);
    await api.retry(imageID);
    run.card.dataset.state = 'UPLOADED';
    run.status.textContent = 'Back on the queue; waiting for processing to start…';
    await watch(imageID, run, item.executionId);
  } catch (error) {
    show(run.diagram, false);
    run.card.dataset.state = 'ERROR';
    run.status.textContent = error.message;
  }
}

/** Follows the photo's run until it ends; the item of an earlier run (stale, its execution id) is not its end. */
async function watch(imageID, run, stale) {
  for (;;) {
    const item = await itemWhileAway(imageID, run);
    if (item && (stale === undefined || item.executionId !== stale)) {
      updateFlow(run.diagram, item);
      run.card.dataset.state = item.status;
      if (item.status === 'SUCCEEDED') {
        run.status.replaceChildren('SUCCEEDED · execution ', h('code', {}, item.executionId));
        break;
      }
      if (waitingToRetry(item)) {
        run.card.dataset.state = 'WAITING';
        run.status.replaceChildren(h('span', { class: 'run-cause' }, item.cause ?? item.error),
          ' · it is retried when its event comes back from the queue');
      } else if (item.status === 'FAILED') {
        run.status.replaceChildren(h('span', { class: 'run-cause' }, item.cause ?? item.error),
          ` (in ${item.failedStep ?? 'the flow'}) · execution `, h('code', {}, item.executionId),
          retryable(item) ? h('button', { type: 'button', class: 'retry', onclick: () => retry(imageID) }, 'Retry')
            : '');
        break;
      } else if (item.executionId) {
        run.status.replaceChildren('Execution started: ', h('code', {}, item.executionId));
      }
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  await refreshGallery();
}

/**
 * The photo's item; while a service the API needs is away (503) the card says so and the next poll tries again, so
 * that a run the outage only delays is still followed to its end.
 */
async function itemWhileAway(imageID, run) {
  try {
    return (await api.photo(imageID)).item;
  } catch (error) {
    if (error.status !== 503) throw error;
    run.status.textContent = error.message;
    return null;
  }
}

export function setUpUploads() {
  const input = $('#file-input');
  input.addEventListener('change', () => {
    [...input.files].forEach(upload);
    input.value = '';
  });
  const zone = $('#drop-zone');
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    [...e.dataTransfer.files].forEach(upload);
  });
}
