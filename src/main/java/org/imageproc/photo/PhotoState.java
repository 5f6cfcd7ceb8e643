package org.imageproc.photo;

/**
 * Where one upload of an album stands, for the app's batch summary: {@code status} is the item's (RUNNING,
 * SUCCEEDED, FAILED), WAITING (failed, the queue retries it), UPLOADED (arrived, not started), UPLOADING (ticket
 * valid, not arrived yet) or MISSING (ticket expired, never arrived); {@code version} changes whenever the item does;
 * {@code job} names the job (a reprocess, a backfill) whose run the item's last is, null for the upload's own run.
 */
public record PhotoState(String imageID, String fileName, String status, String cause, String version, String job) {
}
