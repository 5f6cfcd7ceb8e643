// The album list: each album with its cover (newest thumbnail) and photo count.
import { h, $, show } from './dom.js';
import { api } from './api.js';

export async function showAlbums(message) {
  const list = $('#album-list');
  try {
    const albums = await api.albums();
    list.replaceChildren(...albums.map((album) => {
      const cover = h('div', { class: 'cover placeholder', 'aria-hidden': 'true' });
      const count = h('span', { class: 'hint small count' }, '');
      summarise(album, cover, count);
      return h('li', { class: 'album', dataset: { albumId: album.albumID } },
        h('a', { class: 'album-link', href: `#/album/${encodeURIComponent(album.name)}` }, cover,
          h('span', { class: 'album-name' }, album.name)),
        count);
    }));
    show($('#no-albums'), albums.length === 0);
  } catch (error) {
    message(error.message);
  }
}

async function summarise(album, cover, count) {
  try {
    const summary = await api.summary(album.albumID);
    count.textContent = `${summary.done} photo${summary.done === 1 ? '' : 's'}`
      + (summary.failed ? `, ${summary.failed} failed` : '');
    if (summary.coverUrl) {
      cover.replaceWith(h('img', { class: 'cover', src: summary.coverUrl, alt: '', loading: 'lazy' }));
    }
  } catch {
    count.textContent = '';
  }
}

export function clearAlbums() {
  $('#album-list').replaceChildren();
  show($('#no-albums'), false);
}
