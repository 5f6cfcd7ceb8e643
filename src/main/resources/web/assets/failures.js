// The Failed view (#/failed) and the header's count of failures: each failed photo with the step and the reason in
// words, Retry for what the queue gave up on, "Retry all"; retried photos are followed through their albums' summaries
// (one poll per album, never per photo) until they succeed or fail again.
import { h, $, show } from './dom.js';
import { api } from './api.js';
import { Pager } from './paged.js';
import * as format from './format.js';
import { albumName, albumHash, photoHash } from './links.js';

const PAGE_SIZE = 20;
const POLL_MS = 3000;
/** The header counts up to a page of failures, then says "100+". */
const COUNT_LIMIT = 100;

/** What each step does, for "Failed while …". */
const STEPS = {
  'read-image': 'reading the uploaded file',
  'extract-metadata': 'reading the photo’s details',
  'check-image': 'checking the file type',
  'store-metadata': 'saving the photo’s details',
  'decode-image': 'decoding the image',
  'detect-labels': 'recognising what is in the photo',
  'make-thumbnail': 'making the thumbnail',
  'finish-execution': 'saving the results',
};

/** The failure's error code in a sentence; the stored cause follows it as the detail. */
const REASONS = {
  NotSupportedImageType: 'This kind of file is not supported: only JPEG and PNG photos are processed.',
  EmptyFile: 'The file is empty.',
  NotAnImage: 'The file is not an image.',
  ImageTooLarge: 'The photo has more pixels than this service processes.',
  CorruptImage: 'The file is damaged: the image in it cannot be read.',
  FileTooLarge: 'The file is larger than this service processes.',
  ObjectNotFound: 'The uploaded file is no longer there.',
  LabelDetectionRefused: 'The label service could not read this photo.',
  ItemTooLarge: 'There is more to store about this photo than fits.',
  KeyTooLong: 'The photo’s name is too long to store its thumbnail.',
  ServiceError: 'A service the processing depends on failed or could not be reached.',
  RunDidNotFinish: 'Processing stopped before it finished (the service may have stopped).',
};

/** The rows shown, by image id: {failure, node}. */
const rows = new Map();
/** Retried photos being followed, by image id: {albumID, version (before the retry), moved}. */
const retrying = new Map();
let timer = null;
let pager = null;
/** Changes when the view is left: a poll under way then drops its answer. */
let generation = 0;

export function setUpFailures() {
  $('#retry-all').addEventListener('click', () => retry(null));
  pager = new Pager($('#failed-more'), {
    fetchPage: (cursor) => api.failures(cursor, PAGE_SIZE),
    onItems: (items) => items.forEach(add),
    onEnd: () => show($('#no-failures'), rows.size === 0),
    onError: message,
  });
}

/** Shows the user's failures from the first page. */
export async function showFailures() {
  leaveFailures();
  pager.reset();
  await pager.load();
  counts();
}

/** Stops following retries and forgets the rows: another view, or another user. */
export function leaveFailures() {
  clearTimeout(timer);
  timer = null;
  generation++;
  rows.clear();
  retrying.clear();
  pager?.reset();
  $('#failed-list').replaceChildren();
  $('#failed-status').textContent = '';
  show($('#failed-message'), false);
  show($('#no-failures'), false);
}

/** Reads how many photos failed for the header's link (hidden when none did). */
export async function countFailures() {
  try {
    const page = await api.failures(null, COUNT_LIMIT);
    const count = page.items.length;
    $('#failed-count').textContent = page.nextCursor ? `${count}+` : String(count);
    show($('#failed-link'), count > 0);
  } catch {
    show($('#failed-link'), false);
  }
}

export function clearFailures() {
  leaveFailures();
  show($('#failed-link'), false);
}

function message(error) {
  $('#failed-message').textContent = error.message;
  show($('#failed-message'), Boolean(error.message));
}

/** Whether Retry can help now: the queue gave up on the event, which waits in the dead-letter queue. */
const canRetry = (failure) => failure.retryable && failure.deadLetter;

function add(failure) {
  if (rows.has(failure.imageID)) return;
  const row = { failure, node: null };
  rows.set(failure.imageID, row);
  row.node = rowFor(failure, 'failed');
  $('#failed-list').append(row.node);
  counts();
}

function rowFor(failure, state, note) {
  const name = failure.fileName ?? `Photo ${failure.imageID}`;
  const picture = failure.thumbnailUrl
    ? h('img', { class: 'thumb', src: failure.thumbnailUrl, alt: '', loading: 'lazy' })
    : h('div', { class: 'thumb placeholder', 'aria-hidden': 'true' }, 'No preview');
  const step = failure.failedStep
    ? `Failed while ${STEPS[failure.failedStep] ?? failure.failedStep}` : 'Failed before processing started';
  const when = new Date(failure.failedAt);
  return h('li', { class: 'failure', dataset: { imageId: failure.imageID, state } },
    picture,
    h('div', { class: 'failure-body' },
      h('p', { class: 'file-name', title: name }, name),
      failure.albumID && h('p', { class: 'failure-album' }, 'in ',
        h('a', { href: albumHash(failure.albumID) }, albumName(failure.albumID))),
      h('p', { class: 'failure-step', title: failure.failedStep ?? '' }, step),
      h('p', { class: 'failure-reason' }, REASONS[failure.error] ?? 'Processing failed.'),
      failure.cause && h('p', { class: 'failure-cause hint small' }, failure.cause),
      h('p', { class: 'failure-when hint small' }, 'at ',
        h('time', { datetime: when.toISOString() }, format.epochSeconds(failure.failedAt / 1000)))),
    h('div', { class: 'failure-action' }, action(failure, state, note)));
}

function action(failure, state, note) {
  if (state === 'retrying') return h('span', { class: 'retrying' }, 'retrying…');
  if (state === 'done') {
    return [h('span', { class: 'done' }, 'done'),
      h('a', { class: 'open-photo', href: photoHash(failure.albumID, failure.imageID) }, `Open ${failure.fileName ?? 'the photo'}`)];
  }
  if (!failure.retryable) {
    return h('p', { class: 'not-retryable' }, 'A retry cannot fix this: upload the file again, as a JPEG or PNG.');
  }
  return [
    note && h('p', { class: 'retry-note hint small' }, note),
    canRetry(failure)
      ? h('button', { type: 'button', class: 'retry', onclick: () => retry([failure.imageID]),
        'aria-label': `Retry ${failure.fileName ?? failure.imageID}` }, 'Retry')
      : h('p', { class: 'retry-note hint small' }, 'The queue tries it again by itself.')];
}

function redraw(imageID, state, note) {
  const row = rows.get(imageID);
  const node = rowFor(row.failure, state, note);
  row.node.replaceWith(node);
  row.node = node;
}

/** Retries the photos (all the user's when {@code ids} is null), then follows those that went back on the queue. */
async function retry(ids) {
  const wanted = ids ?? [...rows.values()].map((r) => r.failure).filter(canRetry).map((f) => f.imageID);
  $('#retry-all').disabled = true;
  const started = generation;
  try {
    // each photo's state before the retry: it still says FAILED until the new run claims it
    const before = await states(new Set(wanted.map((id) => rows.get(id)?.failure.albumID).filter(Boolean)));
    const result = await api.retryFailures(ids);
    if (started !== generation) return;
    for (const id of result.requeued) {
      const row = rows.get(id);
      if (!row || retrying.has(id)) continue;
      retrying.set(id, { albumID: row.failure.albumID, version: before.get(id)?.version, moved: false });
      redraw(id, 'retrying');
    }
    for (const { imageID, reason } of result.notRequeued) {
      if (rows.get(imageID)?.failure.retryable) redraw(imageID, 'failed', reason);
    }
    show($('#failed-message'), false);
    if (result.requeued.length === 0 && result.notRequeued.length > 0) {
      message({ message: `Nothing was put back on the queue: ${result.notRequeued[0].reason}` });
    }
  } catch (error) {
    message(error);
  } finally {
    $('#retry-all').disabled = false;
  }
  counts();
  schedule();
}

/** The photos' states by image id, from one summary per album. */
async function states(albumIDs) {
  const byId = new Map();
  await Promise.all([...albumIDs].map(async (albumID) => {
    const summary = await api.summary(albumID);
    summary.photos.forEach((p) => byId.set(p.imageID, p));
  }));
  return byId;
}

function schedule() {
  clearTimeout(timer);
  timer = retrying.size > 0 ? setTimeout(poll, POLL_MS) : null;
}

async function poll() {
  timer = null;
  const polled = generation;
  let now;
  try {
    now = await states(new Set([...retrying.values()].map((r) => r.albumID)));
  } catch (error) {
    if (polled !== generation) return;
    message(error);
    schedule();
    return;
  }
  if (polled !== generation) return;
  for (const [id, entry] of [...retrying]) {
    const state = now.get(id);
    if (!rows.has(id)) {
      retrying.delete(id);
    } else if (state?.status === 'SUCCEEDED') {
      retrying.delete(id);
      redraw(id, 'done');
    } else if (state?.status === 'FAILED' && (entry.moved || state.version !== entry.version)) {
      retrying.delete(id);
      const row = rows.get(id);
      row.failure = { ...row.failure, cause: state.cause ?? row.failure.cause };
      redraw(id, 'failed', 'It failed again.');
    } else if (state && state.status !== 'FAILED') {
      entry.moved = true;
    }
  }
  counts();
  if (retrying.size === 0) countFailures();
  schedule();
}

/** The view's live line: how many photos failed, are being retried and are done. */
function counts() {
  const states = [...rows.values()].map((r) => r.node.dataset.state);
  const failed = states.filter((s) => s === 'failed').length;
  const going = states.filter((s) => s === 'retrying').length;
  const done = states.filter((s) => s === 'done').length;
  $('#failed-status').textContent = [
    `${failed} failed photo${failed === 1 ? '' : 's'}${pager && !pager.done ? ' shown' : ''}`,
    going && `${going} retrying`,
    done && `${done} done`,
  ].filter(Boolean).join(', ');
  show($('#retry-all'), states.length > 0);
}
