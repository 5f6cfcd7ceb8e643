package org.imageproc.album;

/** One album of a user, as stored in the AlbumMetadata table; {@code albumID} is {@code userID/name}. */
public record Album(String albumID, String userID, String name, long creationTime) {
}
