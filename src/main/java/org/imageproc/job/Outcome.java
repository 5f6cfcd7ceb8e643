package org.imageproc.job;

/** How one photo of a job ended. */
public enum Outcome {
    /** Processed, deleted, or taken over by a newer upload: nothing left to do for it. */
    DONE,
    /** Its run ended FAILED for good (a reason retrying cannot fix, or the queue gave up on it). */
    FAILED
}
