// The web API client, the one place the app calls the service: every call names the demo user in X-Demo-User.
const USER_KEY = 'imageproc.user';

export const user = {
  get: () => localStorage.getItem(USER_KEY),
  set: (name) => localStorage.setItem(USER_KEY, name),
  clear: () => localStorage.removeItem(USER_KEY),
};

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function call(method, path, body) {
  const headers = { 'Accept': 'application/json', 'X-Demo-User': user.get() ?? '' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api/${path}`, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, data?.message ?? `The server answered ${response.status}`);
  }
  return data;
}

const album = (albumID) => albumID.split('/').map(encodeURIComponent).join('/');

/** One page of a paginated list: {items, nextCursor}. */
const page = (path, cursor, limit) => call('GET',
  `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);

/** Every item of a paginated list, page after page. */
async function all(path) {
  const items = [];
  let cursor = null;
  do {
    const next = await page(path, cursor, 100);
    items.push(...next.items);
    cursor = next.nextCursor;
  } while (cursor);
  return items;
}

export const api = {
  albums: () => all('albums'),
  createAlbum: (name) => call('POST', 'albums', { name }),
  photoPage: (albumID, limit, cursor) => page(`albums/${album(albumID)}/photos`, cursor, limit),
  summary: (albumID) => call('GET', `albums/${album(albumID)}/summary`),
  upload: (albumID, file) => call('POST', `albums/${album(albumID)}/uploads`,
    { fileName: file.name, contentType: file.type }),
  photo: (imageID) => call('GET', `photos/${encodeURIComponent(imageID)}`),
  retry: (imageID) => call('POST', `photos/${encodeURIComponent(imageID)}/retry`),
  reprocessAlbum: (albumID, scope) => call('POST', `albums/${album(albumID)}/reprocess`, { scope }),
  reprocessPhoto: (imageID) => call('POST', `photos/${encodeURIComponent(imageID)}/reprocess`),
  deletePhoto: (imageID) => call('DELETE', `photos/${encodeURIComponent(imageID)}`),
  deleteAlbum: (albumID) => call('DELETE', `albums/${album(albumID)}`),
  job: (jobId) => call('GET', `jobs/${encodeURIComponent(jobId)}`),
  failures: (cursor, limit) => page('failures', cursor, limit),
  /** Retries the named failed photos, or all of the user's when imageIDs is null. */
  retryFailures: (imageIDs) => call('POST', 'failures/retry', imageIDs ? { imageIDs } : {}),
  search: (label, cursor, limit) => page(`search?label=${encodeURIComponent(label)}`, cursor, limit),
  labels: () => call('GET', 'labels').then((list) => list.items),
};

/** S3's own words from an error document (<Error><Message>…), if it sent one. */
function s3Message(request) {
  const xml = new DOMParser().parseFromString(request.responseText ?? '', 'application/xml');
  return xml.querySelector('Error > Message')?.textContent;
}

/**
 * POSTs the file straight to S3 with the ticket's signed form: its fields in their order, the file last (S3 reads
 * no field after it), reporting progress from 0 to 1.
 */
export function postToS3(ticket, file, onProgress) {
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  form.append('file', file);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', ticket.url);
    request.upload.addEventListener('progress', (e) => e.lengthComputable && onProgress(e.loaded / e.total));
    request.addEventListener('load', () => {
      if (request.status < 300) {
        resolve();
        return;
      }
      const message = s3Message(request);
      reject(new Error(`S3 refused the upload (HTTP ${request.status}${message ? `: ${message}` : ''})`));
    });
    request.addEventListener('error', () => reject(new Error('The upload could not reach S3')));
    request.send(form);
  });
}
