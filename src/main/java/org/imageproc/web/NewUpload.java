package org.imageproc.web;

/** The body of an upload request: the file's name on the user's device, used only for its extension. */
public record NewUpload(String fileName) {
}
