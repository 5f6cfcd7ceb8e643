// The album's long jobs, reprocessing it and deleting it: started from the album view and followed with a progress
// bar from GET /api/jobs/{id} until FINISHED. The running job's id is kept per album in localStorage, so a reload or
// another tab follows it on; it is dropped once the job is FINISHED or unknown.
import { $, show } from './dom.js';
import { api, user } from './api.js';
import { currentAlbum, albumSummary, refresh } from './album.js';
import { clearBatch } from './uploads.js';
import { confirmDialog } from './confirm.js';
import { albumName } from './links.js';

const POLL_MS = 1000;
const HELP = {
  missing: 'Runs again the photos that failed, that have no thumbnail or tags, or that were made with an older'
    + ' label model or another thumbnail size.',
  all: 'Runs every photo of the album through the whole flow again; a photo being processed right now keeps its run.',
};
const TITLES = { 'reprocess-album': 'Reprocessing', 'delete-album': 'Deleting the album' };
/** The job shown: { albumID, jobId, finished }. */
let followed = null;
let timer = null;

const key = (albumID) => `imageproc.job.${user.get()}.${albumID}`;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function setUpJobs() {
  const scope = $('#reprocess-scope');
  const help = () => { $('#reprocess-help').textContent = HELP[scope.value]; };
  scope.addEventListener('change', help);
  help();
  $('#reprocess-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const albumID = currentAlbum();
    start(albumID, 'reprocess-album', () => api.reprocessAlbum(albumID, scope.value));
  });
  $('#delete-album').addEventListener('click', async () => {
    const albumID = currentAlbum();
    const summary = albumSummary();
    const photos = summary ? summary.total - summary.uploading - summary.missing : 0;
    const yes = await confirmDialog({
      title: `Delete the album ${albumName(albumID)}?`,
      text: `The album “${albumName(albumID)}” and its ${plural(photos, 'photo')} will be deleted, originals`
        + ' included. This cannot be undone.',
      action: 'Delete album',
    });
    if (yes && albumID === currentAlbum()) start(albumID, 'delete-album', () => api.deleteAlbum(albumID));
  });
}

/** Shows the album's job, if one runs (or ran) from this browser; null: no album is shown. */
export function followJobs(albumID) {
  if (followed?.albumID === albumID && albumID) return;
  clearTimeout(timer);
  followed = null;
  show($('#album-job'), false);
  busy(false);
  if (!albumID) return;
  const stored = localStorage.getItem(key(albumID));
  if (!stored) return;
  followed = { albumID, jobId: stored, finished: false };
  busy(true);
  tick();
}

async function start(albumID, kind, call) {
  busy(true);
  try {
    const job = await call();
    if (albumID !== currentAlbum()) return;
    clearTimeout(timer);
    localStorage.setItem(key(albumID), job.jobId);
    followed = { albumID, jobId: job.jobId, finished: false };
    render(job);
    if (job.state === 'FINISHED') finish(followed, job);
    else timer = setTimeout(tick, POLL_MS);
  } catch (error) {
    busy(false);
    problem(TITLES[kind], error.message);
  }
}

async function tick() {
  timer = null;
  const mine = followed;
  if (!mine || mine.finished) return;
  try {
    const job = await api.job(mine.jobId);
    if (mine !== followed) return;
    render(job);
    if (job.state === 'FINISHED') {
      finish(mine, job);
      return;
    }
    // the gallery follows the photos as they finish: the album's summary poll goes on while the job runs
    refresh();
  } catch (error) {
    if (mine !== followed) return;
    if (error.status === 404 || error.status === 403) {
      localStorage.removeItem(key(mine.albumID));
      followJobs(null);
      return;
    }
    problem('Job', `${error.message}; asking again…`);
  }
  timer = setTimeout(tick, POLL_MS);
}

function finish(mine, job) {
  mine.finished = true;
  localStorage.removeItem(key(mine.albumID));
  busy(false);
  if (job.kind === 'delete-album') {
    clearBatch(user.get(), mine.albumID);
    if (currentAlbum() === mine.albumID) location.hash = '#/';
    return;
  }
  refresh();
}

function render(job) {
  const section = $('#album-job');
  show(section, true);
  section.dataset.jobId = job.jobId;
  section.dataset.state = job.state;
  $('#album-job-title').textContent = TITLES[job.kind] ?? 'Job';
  const progress = $('#album-job-progress');
  show(progress, true);
  progress.max = Math.max(job.total, 1);
  // no total yet: an indeterminate bar
  if (job.total === 0 && job.state !== 'FINISHED') progress.removeAttribute('value');
  else progress.value = job.total === 0 ? 1 : job.done + job.failed;
  const status = $('#album-job-status');
  status.classList.remove('cause');
  status.textContent = sentence(job);
}

function sentence(job) {
  const failed = job.failed ? `, ${job.failed} failed` : '';
  const finished = job.state === 'FINISHED';
  if (job.kind === 'delete-album') {
    return finished ? `Deleted the album and its ${plural(job.total, 'photo')}.`
      : `${job.done} of ${plural(job.total, 'photo')} deleted${failed}`;
  }
  if (job.total === 0) return finished ? 'Nothing to reprocess.' : 'Finding the photos…';
  return `${finished ? 'Finished: ' : ''}${job.done} of ${job.total} reprocessed${failed}${finished ? '.' : ''}`;
}

function problem(title, text) {
  show($('#album-job'), true);
  $('#album-job-title').textContent = title;
  show($('#album-job-progress'), false);
  const status = $('#album-job-status');
  status.classList.add('cause');
  status.textContent = text;
}

function busy(running) {
  $('#reprocess-form button').disabled = running;
  $('#delete-album').disabled = running;
}
