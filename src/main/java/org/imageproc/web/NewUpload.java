package org.imageproc.web;

/**
 * The body of an upload request: the file's name on the user's device (used only for its extension) and its content
 * type as the browser reports it (image/jpeg or image/png).
 */
public record NewUpload(String fileName, String contentType) {
}
