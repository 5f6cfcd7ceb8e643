package org.imageproc.bench;

import java.time.Instant;

/** One object put under {@code Incoming/}: the image id the service files it under and when the upload began. */
record Upload(String imageId, String folder, Instant startedAt) {
}
