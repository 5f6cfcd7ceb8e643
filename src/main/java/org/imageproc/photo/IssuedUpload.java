package org.imageproc.photo;

import java.time.Instant;

/** One upload ticket the service issued and has not settled: its image id, the file's name, when the form expires. */
public record IssuedUpload(String imageID, String fileName, Instant expiresAt) {
}
