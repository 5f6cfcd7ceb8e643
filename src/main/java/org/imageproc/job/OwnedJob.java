package org.imageproc.job;

/** A job with the user who asked for it (empty for an operator's backfill). */
public record OwnedJob(String owner, Job job) {
}
