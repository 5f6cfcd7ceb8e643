// Search by content: the header's search box with the user's labels as suggestions, and the results view
// (#/search/<label>), a page of thumbnails at a time; a result opens in its album's photo view, so Back returns here.
import { h, $, show } from './dom.js';
import { api } from './api.js';
import { Pager } from './paged.js';
import { albumName, albumHash, photoHash } from './links.js';
import { describe, nameOf } from './photo.js';

const PAGE_SIZE = 24;
/** How many of the user's labels an empty result suggests. */
const SUGGESTIONS = 8;
let labels = [];
let labelsUser = null;
let labelsRead = Promise.resolve();
let label = null;
let found = 0;
let pager = null;

export function setUpSearch() {
  $('#search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const wanted = $('#search-input').value.trim();
    if (wanted) location.hash = `#/search/${encodeURIComponent(wanted)}`;
  });
  pager = new Pager($('#search-more'), {
    fetchPage: (cursor) => api.search(label, cursor, PAGE_SIZE),
    onItems: (items) => {
      found += items.length;
      $('#search-results').append(...items.map(card));
      $('#search-status').textContent = `${photos(found)} so far`;
    },
    onEnd: ended,
    onError: (error) => {
      $('#search-message').textContent = error.message;
      show($('#search-message'), true);
      $('#search-status').textContent = '';
    },
  });
}

/** The user's labels for the suggestions: read once per user, and again when {@code refresh} says so. */
export function loadLabels(user, refresh = false) {
  if (user !== labelsUser || refresh) {
    labelsUser = user;
    labelsRead = readLabels(user);
  }
  return labelsRead;
}

async function readLabels(user) {
  try {
    const items = await api.labels();
    if (user !== labelsUser) return;
    labels = items;
    $('#label-suggestions').replaceChildren(...items.map((l) => h('option', { value: l.label,
      label: photos(l.photos) })));
  } catch {
    // suggestions are a help only: the search box works without them
  }
}

/** Shows the photos with the label, newest first, the first page now and more as the user scrolls. */
export async function showSearch(user, wanted) {
  label = wanted;
  found = 0;
  $('#search-input').value = wanted;
  $('#search-label').textContent = wanted;
  $('#search-results').replaceChildren();
  show($('#search-message'), false);
  show($('#search-empty'), false);
  $('#search-status').textContent = 'Searching…';
  pager.reset();
  await Promise.all([loadLabels(user, true), pager.load()]);
}

async function ended() {
  $('#search-status').textContent = found === 0 ? '' : photos(found);
  if (found > 0) return;
  const searched = label;
  await labelsRead;
  if (searched !== label) return;
  const others = labels.filter((l) => l.label.toLowerCase() !== label.toLowerCase()).slice(0, SUGGESTIONS);
  $('#search-empty-text').textContent = `No photos with “${label}”.`
    + (others.length > 0 ? ' Try one of your labels:' : ' Your photos have no labels yet.');
  $('#search-suggestions').replaceChildren(...others.map((l) => h('li', {},
    h('a', { href: `#/search/${encodeURIComponent(l.label)}` }, l.label))));
  show($('#search-empty'), true);
}

const photos = (n) => `${n} photo${n === 1 ? '' : 's'}`;

function card(photo) {
  const item = photo.item;
  const albumID = item.albumID ?? '';
  const picture = photo.thumbnailUrl
    ? h('img', { class: 'thumb', src: photo.thumbnailUrl, alt: describe(item), loading: 'lazy' })
    : h('div', { class: 'thumb placeholder' }, 'No preview');
  return h('li', { class: 'photo-card result', dataset: { imageId: photo.imageID } },
    h('a', { class: 'open', href: photoHash(albumID, photo.imageID), 'aria-label': nameOf(item) }, picture),
    h('div', { class: 'card-body' },
      h('p', { class: 'file-name', title: nameOf(item) }, nameOf(item)),
      h('p', { class: 'album-name' }, 'in ', h('a', { href: albumHash(albumID) }, albumName(albumID)))));
}

/** Forgets the results and suggestions: another user. */
export function clearSearch() {
  label = null;
  labels = [];
  labelsUser = null;
  labelsRead = Promise.resolve();
  pager?.reset();
  $('#search-input').value = '';
  $('#search-results').replaceChildren();
  $('#label-suggestions').replaceChildren();
}
