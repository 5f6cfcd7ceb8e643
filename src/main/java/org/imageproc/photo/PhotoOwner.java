package org.imageproc.photo;

/** Who uploaded a photo and into which album, from its item or, before processing got that far, its S3 metadata. */
public record PhotoOwner(String userID, String albumID) {
}
