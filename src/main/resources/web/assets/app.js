// The web app: pick a demo user, list and create albums, open one. Talks to the service only through /api
// (requests carry the X-Demo-User header, see api.js).
import { h, $, show } from './dom.js';
import { api, user } from './api.js';
import { showAlbum, setUpUploads } from './album.js';

const VIEWS = ['#login-view', '#albums-view', '#album-view'];

function view(id) {
  VIEWS.forEach((v) => show($(v), v === id));
}

async function showAlbums() {
  view('#albums-view');
  try {
    const albums = await api.albums();
    $('#album-list').replaceChildren(...albums.map((album) => h('li', {},
      h('a', { class: 'album-link', href: `#/album/${encodeURIComponent(album.name)}` }, album.name),
      h('span', { class: 'hint small' }, `created ${new Date(album.creationTime).toLocaleString()}`))));
    show($('#no-albums'), albums.length === 0);
  } catch (error) {
    message(error.message);
  }
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
    view('#login-view');
    $('#user-name').focus();
    return;
  }
  const match = location.hash.match(/^#\/album\/(.+)$/);
  if (match) {
    view('#album-view');
    await showAlbum(`${name}/${decodeURIComponent(match[1])}`);
  } else {
    await showAlbums();
  }
}

$('#login-form').addEventListener('submit', (e) => {
  e.preventDefault();
  user.set($('#user-name').value.trim());
  location.hash = '#/';
  route();
});

$('#logout').addEventListener('click', () => {
  user.clear();
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
    location.hash = `#/album/${encodeURIComponent(album.name)}`;
  } catch (error) {
    message(error.message);
  }
});

window.addEventListener('hashchange', route);
setUpUploads();
route();
