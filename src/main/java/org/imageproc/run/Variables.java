package org.imageproc.run;

/** Names of the exchange variables that carry one image through the processing flow (see process-image.yaml). */
public final class Variables {

    /** The S3 event being processed ({@code org.imageproc.run.ImageEvent}). */
    public static final String EVENT = "event";
    /** The {@link Execution} of this run. */
    public static final String EXECUTION = "execution";
    /** The object as read from S3, bytes and user metadata. */
    public static final String IMAGE = "image";
    /** What the metadata step found. */
    public static final String METADATA = "metadata";
    /** The label step's result. */
    public static final String LABELS = "labels";
    /** The stored thumbnail. */
    public static final String THUMBNAIL = "thumbnail";
    /** Why the run was recorded FAILED (a Throwable), set by the record-failure route. */
    public static final String FAILURE = "failure";
    /** Why the run stopped without writing (a newer run owns the item), set by the record-superseded route. */
    public static final String SUPERSEDED = "superseded";
    /** {@link StepRecord}s of steps that ran before the run existed, written when it starts. */
    public static final String EARLY_STEPS = "earlySteps";

    private Variables() {
    }
}
