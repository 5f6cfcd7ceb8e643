package org.imageproc.pipeline;

import org.apache.camel.Exchange;

/** Marks the routes that are steps of a processing run; {@link StepRecorder} records each one on the item. */
public final class Steps {

    /** The route group of step routes. */
    public static final String GROUP = "image-steps";
    /** Exchange property a step sets to true when it deliberately did nothing (for example labels switched off). */
    public static final String SKIPPED = "imageproc.stepSkipped";

    private Steps() {
    }

    /** The exception a route failed with, whether it is still on the exchange or was handled by error handling; else null. */
    public static Throwable failure(Exchange exchange) {
        return exchange.getException() != null
                ? exchange.getException() : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
}
