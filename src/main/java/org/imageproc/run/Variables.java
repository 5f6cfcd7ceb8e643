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
    /**
     * This run's steps so far (step name to {@link StepRecord}, in order): each of the run's writes of the item puts
     * them whole.
     */
    public static final String STEPS = "steps";
    /** The flow's DetectLabels MaxLabels (its default: imageproc.labels.max-labels, set in process-image.yaml). */
    public static final String MAX_LABELS = "maxLabels";
    /** The flow's DetectLabels MinConfidence (its default: imageproc.labels.min-confidence). */
    public static final String MIN_CONFIDENCE = "minConfidence";
    /** The flow's longest thumbnail side in pixels (its default: imageproc.thumbnail.max-size). */
    public static final String THUMBNAIL_MAX_SIZE = "thumbnailMaxSize";

    private Variables() {
    }
}
