// The album's photos a page at a time: the first page when the album opens, the next when the person scrolls near
// the end of the grid (or presses "Load more"); a change the summary reports fetches again only the pages loaded.
import { $, show } from './dom.js';
import { api } from './api.js';

export const PAGE = 50;
/** The most a list request takes (the API's limit). */
const MOST = 100;
/** How near the end of the grid (px) the next page is fetched, so it is there before the person reaches it. */
const MARGIN = 300;

let albumID = null;
let loaded = [];
let loadedIds = new Set();
let cursor = null;
let complete = false;
let generation = 0;
/** Every load goes after the one before, so a scroll and a poll never interleave their pages. */
let chain = Promise.resolve();
let onLoaded = () => {};
/** The loading of every page left, while it goes on. */
let loadingAll = null;

/** Calls back with the photos loaded so far, in the server's order (newest upload first), after each load. */
export function setUpPages(callback) {
  onLoaded = callback;
  $('#gallery-more').addEventListener('click', next);
  new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && next(), { rootMargin: `${MARGIN}px` })
    .observe($('#gallery-more'));
}

/** Starts on an album with nothing loaded; the first {@link reload} brings its first page. */
export function openPages(id) {
  generation++;
  albumID = id;
  setLoaded([]);
  cursor = null;
  complete = false;
  chain = Promise.resolve();
  status('');
  showMore();
}

export const loadedPhotos = () => loaded;
export const allLoaded = () => complete;
export const isLoaded = (imageID) => loadedIds.has(imageID);

function setLoaded(photos) {
  loaded = photos;
  loadedIds = new Set(photos.map((p) => p.imageID));
}

/** Takes a deleted photo out of what is loaded at once, before the summary says it is gone. */
export function drop(imageID) {
  setLoaded(loaded.filter((p) => p.imageID !== imageID));
  onLoaded(loaded);
}

/** Fetches again as many photos as are loaded, plus {@code added} new ones (at least a page): after a change. */
export function reload(added = 0) {
  return queue(async (mine) => {
    const want = Math.max(PAGE, loaded.length + added);
    const photos = [];
    let after = null;
    do {
      const page = await api.photoPage(albumID, Math.min(MOST, want - photos.length), after);
      if (mine !== generation) return;
      photos.push(...page.items);
      after = page.nextCursor;
    } while (after && photos.length < want);
    setLoaded(photos);
    cursor = after;
    complete = !after;
  });
}

/** Loads the next page, if there is one; a no-op while the first is not there yet. */
export function more() {
  return queue(async (mine) => {
    if (complete || loaded.length === 0) return;
    const page = await api.photoPage(albumID, PAGE, cursor);
    if (mine !== generation) return;
    setLoaded([...loaded, ...page.items.filter((p) => !loadedIds.has(p.imageID))]);
    cursor = page.nextCursor;
    complete = !cursor;
  });
}

/** The next page for the person (the button, the scroll): a failure is said where the loading is. */
function next() {
  more().catch((error) => status(error.message));
}

/** Loads every page that is left, saying so while it does (sorting by date taken needs them all). */
export function everything(why) {
  loadingAll ??= (async () => {
    try {
      while (!complete && albumID) {
        status(`Loading the rest of the album to ${why}… (${loaded.length} photos so far)`);
        const before = generation;
        await more();
        if (before !== generation || loaded.length === 0) break;
      }
    } finally {
      loadingAll = null;
      status('');
    }
  })();
  return loadingAll;
}

function queue(load) {
  const mine = generation;
  chain = chain.then(() => (mine === generation ? load(mine) : undefined)).then(() => {
    if (mine !== generation) return;
    onLoaded(loaded);
    showMore();
    // still near the end after a page (a tall window): the observer says nothing new, so go on here
    if (!complete && nearEnd()) setTimeout(next);
    if (!complete && $('#sort').value === 'taken') everything('sort it by date taken').catch(() => {});
  });
  const result = chain;
  // a failed load is reported to the caller and leaves the chain usable
  chain = chain.catch(() => {});
  return result;
}

function nearEnd() {
  const sentinel = $('#gallery-more');
  return !sentinel.hidden && sentinel.getBoundingClientRect().top < innerHeight + MARGIN;
}

function showMore() {
  show($('#gallery-more'), !complete && loaded.length > 0);
}

function status(text) {
  $('#gallery-loading').textContent = text;
}
