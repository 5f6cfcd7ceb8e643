// One photo: its gallery card, and the detail dialog with everything stored and the detected objects' boxes.
import { h, $ } from './dom.js';
import * as format from './format.js';

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

function tags(item) {
  if (item.steps?.['detect-labels']?.status === 'SKIPPED') {
    return h('p', { class: 'tags muted' }, 'Label detection is off');
  }
  return h('ul', { class: 'tags', 'aria-label': 'Tags' }, (item.tags ?? []).map((tag) => h('li', {}, tag)));
}

/** Whether the queue gave up on the photo's event: it waits in the dead-letter queue for someone to retry it. */
export const retryable = (item) => item.status === 'FAILED' && item.deadLetter === true;

/** A failure the queue still retries by itself: the item shows the last failed delivery. */
export const waitingToRetry = (item) => item.status === 'FAILED' && item.retryable === true && !item.deadLetter;

export function photoCard(photo, onOpen, onRetry) {
  const item = photo.item;
  const failed = item.status === 'FAILED';
  const picture = photo.thumbnailUrl
    ? h('img', { class: 'thumb', src: photo.thumbnailUrl, alt: (item.tags ?? []).join(', ') || 'Photo', loading: 'lazy' })
    : h('div', { class: 'thumb placeholder' }, failed && !waitingToRetry(item) ? 'Not processed' : 'Processing…');
  return h('li', { class: `photo-card${failed ? ' failed' : ''}`, dataset: { imageId: photo.imageID, status: item.status } },
    h('button', { type: 'button', class: 'open', onclick: () => onOpen(photo.imageID), 'aria-label': 'Show details' },
      picture),
    h('div', { class: 'card-body' },
      failed ? h('p', { class: 'cause' }, waitingToRetry(item) ? 'Will be retried: ' : '', item.cause ?? item.error)
        : tags(item),
      retryable(item) && h('button', { type: 'button', class: 'retry', onclick: () => onRetry(photo.imageID),
        title: 'Put this photo back on the queue to be processed again' }, 'Retry'),
      factList(item)));
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

export async function openPhoto(api, imageID) {
  const dialog = $('#photo-dialog');
  const detail = $('#photo-detail');
  detail.replaceChildren(h('p', { class: 'hint' }, 'Loading…'));
  dialog.showModal();
  try {
    const photo = await api.photo(imageID);
    const item = photo.item;
    $('#photo-dialog-title').textContent = format.camera(item) || 'Photo';
    detail.replaceChildren(
      h('figure', { class: 'full' },
        h('div', { class: 'frame' }, h('img', { src: photo.imageUrl, alt: (item.tags ?? []).join(', ') || 'Photo' }),
          boxes(item)),
        h('figcaption', {}, tags(item), factList(item))),
      h('h3', {}, 'Everything stored'),
      stored(item));
  } catch (error) {
    detail.replaceChildren(h('p', { class: 'message', role: 'alert' }, error.message));
  }
}
