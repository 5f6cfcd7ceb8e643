// The photo view's own actions: process the photo again, its state shown as it changes, and delete it after a
// confirmation that names the file.
import { h, $ } from './dom.js';
import { api } from './api.js';
import { confirmDialog } from './confirm.js';
import { nameOf, updatePhoto } from './photo.js';

const POLL_MS = 1000;

/** The buttons for the photo shown; {@code actions} has reprocessed(imageID) and deleted(imageID). */
export function photoTools(item, actions) {
  const message = h('p', { class: 'tool-message', role: 'status', 'aria-live': 'polite' });
  const reprocess = h('button', { type: 'button', class: 'reprocess-photo',
    title: 'Process this photo again, through the same flow as an upload' }, 'Reprocess');
  reprocess.addEventListener('click', () => reprocessPhoto(item.imageID, reprocess, message, actions));
  const remove = h('button', { type: 'button', class: 'danger delete-photo',
    onclick: () => deletePhoto(item, message, actions) }, 'Delete…');
  return h('div', { class: 'photo-tools' }, reprocess, remove, message);
}

async function reprocessPhoto(imageID, button, message, actions) {
  button.disabled = true;
  say(message, 'Reprocessing…');
  try {
    const job = await api.reprocessPhoto(imageID);
    if (job.total === 0) {
      say(message, 'Nothing to reprocess: the photo changed meanwhile.');
      return;
    }
    const final = await follow(job.jobId, imageID);
    if (!final) return;
    say(message, final.failed ? 'Reprocessed: it failed again, see why above.' : 'Reprocessed.');
    actions.reprocessed(imageID);
  } catch (error) {
    say(message, error.message, true);
  } finally {
    button.disabled = false;
  }
}

/** Shows the photo's state until its job is FINISHED; the job then, or null when the view moved on. */
async function follow(jobId, imageID) {
  for (;;) {
    const [job, photo] = await Promise.all([api.job(jobId), api.photo(imageID)]);
    if ($('#photo-dialog').dataset.imageId !== imageID) return null;
    updatePhoto(photo.item);
    if (job.state === 'FINISHED') return job;
    await new Promise((resolve) => { setTimeout(resolve, POLL_MS); });
  }
}

async function deletePhoto(item, message, actions) {
  const name = nameOf(item);
  const yes = await confirmDialog({
    title: 'Delete this photo?',
    text: `“${name}” will be deleted: the original, its thumbnail and everything stored about it. This cannot be`
      + ' undone.',
    action: 'Delete photo',
  });
  if (!yes) return;
  try {
    await api.deletePhoto(item.imageID);
    actions.deleted(item.imageID);
  } catch (error) {
    say(message, error.message, true);
  }
}

function say(message, text, bad = false) {
  message.textContent = text;
  message.classList.toggle('cause', bad);
}
