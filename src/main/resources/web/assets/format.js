// Plain-words formatting of stored values: sizes, dates, degrees/minutes/seconds.

export function bytes(n) {
  if (n === undefined || n === null) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function epochSeconds(seconds) {
  return seconds ? new Date(seconds * 1000).toLocaleString() : '';
}

/** EXIF capture time is local time at the camera (ISO without zone); shown as such, with the offset when known. */
export function captureTime(item) {
  if (!item.creationTime) return '';
  return item.creationTime.replace('T', ' ') + (item.creationTimeOffset ? ` (UTC${item.creationTimeOffset})` : '');
}

function dms(value, positive, negative) {
  const abs = Math.abs(value);
  const degrees = Math.floor(abs);
  const minutesFull = (abs - degrees) * 60;
  const minutes = Math.floor(minutesFull);
  const seconds = (minutesFull - minutes) * 60;
  return `${degrees}°${String(minutes).padStart(2, '0')}′${seconds.toFixed(1).padStart(4, '0')}″${value < 0 ? negative : positive}`;
}

export function location(geo) {
  return `${dms(geo.latitude, 'N', 'S')} ${dms(geo.longitude, 'E', 'W')}`;
}

export function mapLink(geo) {
  const lat = Number(geo.latitude).toFixed(6);
  const lon = Number(geo.longitude).toFixed(6);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=15/${lat}/${lon}`;
}

/** Make and model, without repeating the make when the model already starts with it ("Canon Canon EOS 7D"). */
export function camera(item) {
  const make = item.exifMake ?? '';
  const model = item.exifModel ?? '';
  if (make && model.toLowerCase().startsWith(make.toLowerCase())) return model;
  return [make, model].filter(Boolean).join(' ');
}

export function dimensions(item) {
  return item.dimensions ? `${item.dimensions.width} × ${item.dimensions.height}` : '';
}
