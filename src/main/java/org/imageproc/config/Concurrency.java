package org.imageproc.config;

/**
 * How many images the service works on at once, from the machine's cores unless a property names a number.
 *
 * @param consumers  parallel SQS poll-and-process loops (imageproc.sqs.concurrent-consumers), each one image at a time
 * @param stepThreads threads the flow's parallel steps run on (imageproc.threads.image-steps)
 */
public record Concurrency(int consumers, int stepThreads) {

    /** The property value that asks for the derived number. */
    public static final String AUTO = "auto";

    /**
     * Two consumers per core, since a run waits on S3 and DynamoDB for much of its time (the pixel budget, not the
     * consumer count, bounds its memory); two step threads per consumer, so the label and thumbnail steps of every
     * image in flight run at once without queueing.
     */
    public static Concurrency of(Config config, int cores) {
        int consumers = count(config, "imageproc.sqs.concurrent-consumers", 2 * cores);
        return new Concurrency(consumers, count(config, "imageproc.threads.image-steps", 2 * consumers));
    }

    /** The property's whole number, or {@code derived} when it says {@value #AUTO}. */
    static int count(Config config, String key, int derived) {
        String value = config.string(key).trim();
        if (AUTO.equalsIgnoreCase(value)) {
            return Math.max(1, derived);
        }
        int count;
        try {
            count = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1) {
            throw new IllegalArgumentException(key + " must be auto or a whole number of at least 1, not '" + value + "'");
        }
        return count;
    }
}
