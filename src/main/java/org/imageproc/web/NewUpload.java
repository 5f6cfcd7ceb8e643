package org.imageproc.web;

/**
 * The body of an upload request: the file's name on the user's device (kept with the upload and shown in the app; its extension goes into the image id) and its content
 * type as the browser reports it (image/jpeg or image/png).
 */
public record NewUpload(String fileName, String contentType) {
}
