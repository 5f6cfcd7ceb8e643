// The album's gallery: a dense grid of the loaded pages' thumbnails, sorted by date uploaded or taken, filtered by a
// clicked tag (both load the album's pages left first); only cards whose photo changed are drawn again, so unchanged thumbnails stay as they are.
import { h, $, show } from './dom.js';
import * as format from './format.js';
import { retryable, waitingToRetry, describe, nameOf } from './photo.js';
import { everything } from './pages.js';

const cards = new Map();
let photos = [];
let order = 'uploaded';
let tag = null;
let handlers = { open: () => {}, retry: () => {} };

/** How many cards were drawn since the page opened: the browser tests check that unchanged ones are not. */
export const stats = { cardsDrawn: 0 };
window.imageprocStats = stats;

export function setUpGallery(onOpen, onRetry) {
  handlers = { open: onOpen, retry: onRetry };
  $('#sort').addEventListener('change', async (e) => {
    const wanted = e.target.value;
    // the server lists by upload only: every page first, then the sort
    if (wanted === 'taken') await everything('sort it by date taken').catch(() => {});
    if ($('#sort').value !== wanted) return;
    order = wanted;
    draw();
  });
  $('#tag-filter-clear').addEventListener('click', () => filter(null));
}

/** Forgets every card and the filter: another album or another user. */
export function resetGallery() {
  cards.clear();
  photos = [];
  tag = null;
  $('#gallery').replaceChildren();
  show($('#tag-filter'), false);
  show($('#empty-gallery'), false);
}

export function updateGallery(list) {
  photos = list;
  draw();
}

/** The photos as shown, in order: for the photo view's previous and next. */
export function shown() {
  const taken = (p) => p.item.creationTime ?? '';
  const list = photos.filter((p) => !tag || (p.item.tags ?? []).includes(tag));
  return order === 'taken'
    ? [...list].sort((a, b) => (taken(b) > taken(a) ? 1 : taken(b) < taken(a) ? -1 : 0))
    : list;
}

export async function filter(name) {
  tag = name;
  $('#tag-filter-name').textContent = name ?? '';
  show($('#tag-filter'), Boolean(name));
  draw();
  // the server has no list by tag: the pages left come in, and the filter shows every photo of the album with it
  if (name) await everything(`show every photo tagged ${name}`).catch(() => {});
}

function draw() {
  const gallery = $('#gallery');
  const list = shown();
  const seen = new Set();
  list.forEach((photo, index) => {
    const key = JSON.stringify([photo.item, photo.thumbnailUrl]);
    let card = cards.get(photo.imageID);
    if (!card || card.key !== key) {
      const node = cardFor(photo);
      if (card?.node.parentNode) card.node.replaceWith(node);
      card = { key, node };
      cards.set(photo.imageID, card);
      stats.cardsDrawn++;
    }
    seen.add(photo.imageID);
    if (gallery.children[index] !== card.node) gallery.insertBefore(card.node, gallery.children[index] ?? null);
  });
  for (const child of [...gallery.children]) {
    if (!seen.has(child.dataset.imageId)) child.remove();
  }
  for (const id of [...cards.keys()]) {
    if (!photos.some((p) => p.imageID === id)) cards.delete(id);
  }
  show($('#empty-gallery'), photos.length === 0);
}

function cardFor(photo) {
  const item = photo.item;
  const failed = item.status === 'FAILED';
  const picture = photo.thumbnailUrl
    ? h('img', { class: 'thumb', src: photo.thumbnailUrl, alt: describe(item), loading: 'lazy' })
    : h('div', { class: 'thumb placeholder' }, failed && !waitingToRetry(item) ? 'Not processed' : 'Processing…');
  return h('li', { class: `photo-card${failed ? ' failed' : ''}`, dataset: { imageId: photo.imageID, status: item.status } },
    h('button', { type: 'button', class: 'open', onclick: () => handlers.open(photo.imageID), 'aria-label': nameOf(item) },
      picture),
    h('div', { class: 'card-body' },
      h('p', { class: 'file-name', title: nameOf(item) }, nameOf(item)),
      failed ? h('p', { class: 'cause' }, waitingToRetry(item) ? 'Will be retried: ' : '', item.cause ?? item.error)
        : tagList(item),
      retryable(item) && h('button', { type: 'button', class: 'retry', onclick: () => handlers.retry(photo.imageID),
        title: 'Put this photo back on the queue to be processed again' }, 'Retry'),
      h('p', { class: 'hint small date' }, format.captureTime(item) || format.epochSeconds(item.uploadTime))));
}

/** The photo's tags, each a button that shows only the photos with that tag. */
export function tagList(item) {
  if (item.steps?.['detect-labels']?.status === 'SKIPPED') {
    return h('p', { class: 'tags muted' }, 'Label detection is off');
  }
  return h('ul', { class: 'tags', 'aria-label': 'Tags' }, (item.tags ?? []).map((name) => h('li', {},
    h('button', { type: 'button', class: 'tag', title: `Show the photos tagged ${name}`, onclick: () => filter(name) },
      name))));
}
