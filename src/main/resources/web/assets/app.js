// The web app: pick a demo user, list and create albums, open one, open a photo. Routes: #/ (albums),
// #/album/<name>, #/album/<name>/photo/<imageID>, and finder.js's #/search/<label> and #/failed. Talks to the
// service only through api.js.
import { $, show } from './dom.js';
import { api, user } from './api.js';
import { showAlbum, leaveAlbum, setUpAlbum, retry, currentAlbum, refresh, forget } from './album.js';
import { showAlbums, clearAlbums } from './albums.js';
import { setUpGallery, shown, tagList } from './gallery.js';
import { showPhoto, closePhoto } from './photo.js';
import { setUpJobs, followJobs } from './jobs.js';
import { photoTools } from './photo-tools.js';
import { allLoaded, isLoaded, loadedPhotos, more } from './pages.js';
import { albumHash, photoHash } from './links.js';
import { FINDER_VIEWS, setUpFinder, finderRoute, clearFinder } from './finder.js';

const VIEWS = ['#login-view', '#albums-view', '#album-view', ...FINDER_VIEWS];
let openedFromGallery = false;

function view(id) {
  VIEWS.forEach((v) => show($(v), v === id));
}

function message(text) {
  $('#album-message').textContent = text;
  show($('#album-message'), Boolean(text));
}

async function route() {
  const name = user.get();
  show($('#identity'), Boolean(name));
  $('#current-user').textContent = name ?? '';
  if (!name) {
    closePhoto();
    view('#login-view');
    $('#user-name').focus();
    return;
  }
  const match = location.hash.match(/^#\/album\/([^/]+)(?:\/photo\/([^/]+))?$/);
  if (!match) {
    closePhoto();
    leaveAlbum();
    followJobs(null);
  }
  if (await finderRoute(name, location.hash, view)) return;
  if (!match) {
    view('#albums-view');
    await showAlbums(message);
    return;
  }
  view('#album-view');
  const albumID = `${name}/${decodeURIComponent(match[1])}`;
  await showAlbum(albumID);
  followJobs(albumID);
  if (match[2]) {
    openPhoto(decodeURIComponent(match[2]));
  } else {
    openedFromGallery = false;
    closePhoto();
  }
}

const shownIDs = () => shown().map((p) => p.imageID);

async function openPhoto(imageID) {
  const albumID = currentAlbum();
  // a link to a photo past the loaded pages: load on until it is there
  while (!isLoaded(imageID) && !allLoaded() && currentAlbum() === albumID) {
    const before = loadedPhotos().length;
    await more().catch(() => {});
    if (loadedPhotos().length === before) break;
  }
  showPhoto(api, imageID, shownIDs(), {
    go: (id) => location.replace(photoHash(albumID, id)),
    retry: (id) => retry(id).then(() => openPhoto(id)),
    tags: (item) => tagList(item),
    tools: (item) => photoTools(item, { reprocessed: refresh, deleted: removed }),
    hasMore: () => !allLoaded(),
    more: () => more().then(shownIDs),
  });
}

/** A photo deleted from its view: out of the gallery, and on to the next photo (or the one before), else closed. */
async function removed(imageID) {
  let ids = shownIDs();
  if (ids.at(-1) === imageID && !allLoaded()) ids = await more().then(shownIDs);
  const index = ids.indexOf(imageID);
  const next = ids[index + 1] ?? ids[index - 1];
  forget(imageID);
  refresh();
  if (next) location.replace(photoHash(currentAlbum(), next));
  else leavePhoto();
}

/** Leaves the photo view: back to the gallery it was opened from, else to its album. */
function leavePhoto() {
  if (!location.hash.includes('/photo/')) return;
  if (openedFromGallery) history.back();
  else location.replace(albumHash(currentAlbum()));
  openedFromGallery = false;
}

$('#login-form').addEventListener('submit', (e) => {
  e.preventDefault();
  user.set($('#user-name').value.trim());
  location.hash = '#/';
  route();
});

$('#logout').addEventListener('click', () => {
  user.clear();
  closePhoto();
  leaveAlbum();
  clearAlbums();
  followJobs(null);
  clearFinder();
  message('');
  location.hash = '#/';
  route();
});

$('#new-album-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const input = $('#new-album-name');
  try {
    const album = await api.createAlbum(input.value.trim());
    input.value = '';
    message('');
    location.hash = albumHash(album.albumID);
  } catch (error) {
    message(error.message);
  }
});

const dialog = $('#photo-dialog');
$('#photo-close').addEventListener('click', leavePhoto);
dialog.addEventListener('cancel', (e) => { e.preventDefault(); leavePhoto(); });
dialog.addEventListener('keydown', (e) => {
  if (e.target.closest('summary, input, select')) return;
  if (e.key === 'ArrowLeft' && !$('#photo-prev').disabled) $('#photo-prev').click();
  if (e.key === 'ArrowRight' && !$('#photo-next').disabled) $('#photo-next').click();
});
dialog.addEventListener('click', (e) => {
  // a tag clicked in the photo view filters the gallery behind it
  if (e.target.matches('button.tag')) leavePhoto();
});

setUpGallery((imageID) => {
  openedFromGallery = true;
  location.hash = photoHash(currentAlbum(), imageID);
}, retry);
setUpFinder();
setUpAlbum((imageID) => {
  openedFromGallery = true;
  location.hash = photoHash(currentAlbum(), imageID);
});
setUpJobs();
window.addEventListener('hashchange', route);
route();
