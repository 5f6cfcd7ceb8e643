// One photo: how it is named and described, and the photo view (its own URL) with previous/next, download, the
// failure reason, the processing steps, and the raw item behind a disclosure.
import { h, $ } from './dom.js';
import * as format from './format.js';
import { flowDiagram, updateFlow } from './flow.js';

/** Whether the queue gave up on the photo's event: it waits in the dead-letter queue for someone to retry it. */
export const retryable = (item) => item.status === 'FAILED' && item.deadLetter === true;

/** A failure the queue still retries by itself: the item shows the last failed delivery. */
export const waitingToRetry = (item) => item.status === 'FAILED' && item.retryable === true && !item.deadLetter;

/** The photo's name: the file's, else when it was uploaded. */
export const nameOf = (item) => item.fileName
  ?? (item.uploadTime ? `Photo uploaded ${format.epochSeconds(item.uploadTime)}` : `Photo ${item.imageID}`);

/** Alt text: what the labels say is in it. */
export function describe(item) {
  const tags = item.tags ?? [];
  if (tags.length > 0) return `Photo showing ${tags.join(', ')}`;
  return item.steps?.['detect-labels']?.status === 'SKIPPED' ? 'Photo (label detection is off)'
    : 'Photo with no recognised objects';
}

function facts(item) {
  return [
    ['Uploaded', format.epochSeconds(item.uploadTime)],
    ['Taken', format.captureTime(item)],
    ['Camera', format.camera(item)],
    ['Size', [format.bytes(item.fileSize), format.dimensions(item)].filter(Boolean).join(', ')],
    ['Location', item.geo && h('a', { class: 'location', href: format.mapLink(item.geo), target: '_blank',
      rel: 'noopener noreferrer', title: 'Open in OpenStreetMap' }, format.location(item.geo))],
  ].filter(([, value]) => value);
}

function factList(item) {
  return h('dl', { class: 'facts' }, facts(item).map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]));
}

function boxes(item) {
  return (item.labels ?? []).flatMap((label) => (label.instances ?? []).map((box) =>
    h('div', {
      class: 'box',
      style: `left:${box.left * 100}%;top:${box.top * 100}%;width:${box.width * 100}%;height:${box.height * 100}%`,
    }, h('span', {}, `${label.name} ${Number(box.confidence ?? label.confidence).toFixed(0)}%`))));
}

function stored(item) {
  return h('dl', { class: 'stored' }, Object.entries(item).map(([name, value]) => [
    h('dt', {}, name),
    h('dd', {}, typeof value === 'object' ? h('pre', {}, JSON.stringify(value, null, 2)) : String(value)),
  ]));
}

/** The photo's state in a sentence: for a failed one, why and where. */
function status(item, onRetry) {
  if (item.status === 'FAILED') {
    return h('p', { class: 'photo-status cause' },
      waitingToRetry(item) ? 'Failed, will be retried: ' : `Failed in ${item.failedStep ?? 'the flow'}: `,
      item.cause ?? item.error,
      retryable(item) ? h('button', { type: 'button', class: 'retry', onclick: onRetry }, 'Retry') : null);
  }
  const words = { SUCCEEDED: 'Processed', RUNNING: 'Processing…', UPLOADED: 'Uploaded, waiting for processing' };
  return h('p', { class: 'photo-status' }, words[item.status] ?? item.status);
}

let retryShown = () => {};

/** Shows the open photo's state anew: its status line and its steps (while it is processed again). */
export function updatePhoto(item) {
  const detail = $('#photo-detail');
  detail.querySelector('.photo-status')?.replaceWith(status(item, retryShown));
  const flow = detail.querySelector('.flow');
  if (flow) updateFlow(flow, item);
}

/**
 * Shows the photo in the dialog; {@code neighbours} are the gallery's loaded photos in order (for previous/next),
 * and {@code actions} has go(imageID), retry(imageID), tags(item), tools(item), hasMore() and more() (loads the next
 * page of the gallery, resolving to the neighbours then).
 */
export async function showPhoto(api, imageID, neighbours, actions) {
  const dialog = $('#photo-dialog');
  const detail = $('#photo-detail');
  const index = neighbours.indexOf(imageID);
  const prev = $('#photo-prev');
  const next = $('#photo-next');
  const last = index >= neighbours.length - 1;
  prev.disabled = index <= 0;
  next.disabled = index < 0 || (last && !actions.hasMore());
  prev.onclick = () => actions.go(neighbours[index - 1]);
  next.onclick = async () => {
    next.disabled = true;
    const list = last ? await actions.more() : neighbours;
    if (list[index + 1]) actions.go(list[index + 1]);
  };
  $('#photo-position').textContent = index >= 0
    ? `${index + 1} of ${neighbours.length}${actions.hasMore() ? '+' : ''}` : '';
  retryShown = () => actions.retry(imageID);
  dialog.dataset.imageId = imageID;
  if (!dialog.open) {
    detail.replaceChildren(h('p', { class: 'hint' }, 'Loading…'));
    dialog.showModal();
  }
  try {
    const photo = await api.photo(imageID);
    if (dialog.dataset.imageId !== imageID) return;
    const item = photo.item;
    $('#photo-dialog-title').textContent = nameOf(item);
    const flow = flowDiagram();
    updateFlow(flow, item);
    detail.replaceChildren(
      status(item, () => actions.retry(imageID)),
      actions.tools(item),
      h('figure', { class: 'full' },
        photo.imageUrl && h('div', { class: 'frame' }, h('img', { src: photo.imageUrl, alt: describe(item) }),
          boxes(item)),
        h('figcaption', {}, actions.tags(item), factList(item),
          photo.downloadUrl && h('a', { class: 'download button', href: photo.downloadUrl }, 'Download original'))),
      h('details', { class: 'steps' }, h('summary', {}, 'Processing steps'), flow),
      h('details', { class: 'raw' }, h('summary', {}, 'Everything stored'), stored(item)));
  } catch (error) {
    detail.replaceChildren(h('p', { class: 'message', role: 'alert' }, error.message));
  }
}

export function closePhoto() {
  const dialog = $('#photo-dialog');
  delete dialog.dataset.imageId;
  if (dialog.open) dialog.close();
}

