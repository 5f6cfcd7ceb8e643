package org.imageproc.outage;

/** An AWS service the pipeline depends on, named the way a person using the app knows it. */
public enum Dependency {

    S3("The photo storage (S3)", true),
    SQS("The event queue (SQS)", true),
    DYNAMODB("The image catalog (DynamoDB)", true),
    REKOGNITION("Label detection (Rekognition)", false);

    private final String title;
    private final boolean probed;

    Dependency(String title, boolean probed) {
        this.title = title;
        this.probed = probed;
    }

    /** "The image catalog (DynamoDB)": the dependency in a sentence. */
    public String title() {
        return title;
    }

    /**
     * Whether a cheap call can tell it is back ({@link Probes}); the consumer pauses only for these, since without a
     * probe nothing would say when to resume (a DetectLabels call costs money and needs an image).
     */
    public boolean probed() {
        return probed;
    }
}
