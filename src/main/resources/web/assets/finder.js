// Finding photos across albums: the header's search box and Failed link, and their views (#/search/<label>,
// #/failed); app.js hands them the routes it does not handle itself.
import { $, show } from './dom.js';
import { setUpSearch, showSearch, loadLabels, clearSearch } from './search.js';
import { setUpFailures, showFailures, leaveFailures, countFailures, clearFailures } from './failures.js';

export const FINDER_VIEWS = ['#search-view', '#failed-view'];
/** The header's count is read again at most this often while the user moves around the app. */
const COUNT_MS = 10000;
let countedAt = 0;

export function setUpFinder() {
  setUpSearch();
  setUpFailures();
}

/**
 * Shows the route's view when it is one of these (true), else leaves them (false); {@code view(id)} shows one view
 * and hides the others. Suggestions and the failure count follow the user.
 */
export async function finderRoute(user, hash, view) {
  show($('#search-form'), true);
  loadLabels(user);
  if (hash !== '#/failed') leaveFailures();
  if (hash !== '#/failed' && Date.now() - countedAt > COUNT_MS) {
    countedAt = Date.now();
    countFailures();
  }
  if (hash === '#/failed') {
    view('#failed-view');
    countedAt = Date.now();
    await Promise.all([showFailures(), countFailures()]);
    return true;
  }
  const search = hash.match(/^#\/search\/(.+)$/);
  if (search) {
    view('#search-view');
    await showSearch(user, decodeURIComponent(search[1]));
    return true;
  }
  return false;
}

/** Forgets everything of the user's: they switched. */
export function clearFinder() {
  countedAt = 0;
  show($('#search-form'), false);
  clearSearch();
  clearFailures();
}
