package org.imageproc.run;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeExtension;

/** Marks the routes that are steps of a processing run; the pipeline's step recorder records each one on the item. */
public final class Steps {

    /** The route group of step routes. */
    public static final String GROUP = "image-steps";
    /**
     * Route property of a step whose own write of the item carries the run's steps (store-metadata, finish-execution):
     * the steps between one such write and the next are shown running.
     */
    public static final String WRITES_ITEM = "imageproc.writesItem";
    /** Exchange property a step sets to true when it deliberately did nothing (for example labels switched off). */
    public static final String SKIPPED = "imageproc.stepSkipped";

    private Steps() {
    }

    /**
     * The exception a route failed with, whether it is still on the exchange or error handling handled it; else null.
     * Camel keeps {@link Exchange#EXCEPTION_CAUGHT} after a redelivery that succeeded, so that property alone does not
     * mean failure: only together with the error handler's "handled" mark.
     */
    public static Throwable failure(Exchange exchange) {
        if (exchange.getException() != null) {
            return exchange.getException();
        }
        ExchangeExtension extension = exchange.getExchangeExtension();
        if (extension.isErrorHandlerHandledSet() && extension.isErrorHandlerHandled()) {
            return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        return null;
    }
}
