package org.imageproc.photo;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** A signed S3 upload form: POST {@code fields} in their order, then the file as the last field, to {@code url}. */
public record PostForm(URI url, Map<String, String> fields, Instant expiresAt) {
}
