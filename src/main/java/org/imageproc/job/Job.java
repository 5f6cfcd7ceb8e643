package org.imageproc.job;

/**
 * A job's progress as the API shows it: {@code total} photos queued (final once the job has queued them all),
 * {@code done} and {@code failed} counted once each; {@code state} RUNNING until every one is counted, then FINISHED.
 */
public record Job(String jobId, String kind, String state, long total, long done, long failed, String startedAt,
        String finishedAt) {

    public static final String RUNNING = "RUNNING";
    public static final String FINISHED = "FINISHED";
}
