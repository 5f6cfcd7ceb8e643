package org.imageproc.album;

/** The user already has an album of that name. */
public class AlbumExistsException extends RuntimeException {

    public AlbumExistsException(String albumId) {
        super("An album named '" + albumId.substring(albumId.indexOf('/') + 1) + "' already exists");
    }
}
