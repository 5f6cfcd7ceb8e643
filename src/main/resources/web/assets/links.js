// The app's own links (hash routes) to an album and to a photo in its album's photo view.

/** The album's name from its id ("user/name"). */
export const albumName = (albumID) => albumID.slice(albumID.indexOf('/') + 1);

export const albumHash = (albumID) => `#/album/${encodeURIComponent(albumName(albumID))}`;

export const photoHash = (albumID, imageID) => `${albumHash(albumID)}/photo/${encodeURIComponent(imageID)}`;
