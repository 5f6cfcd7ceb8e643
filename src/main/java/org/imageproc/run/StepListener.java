package org.imageproc.run;

import java.time.Instant;

import org.apache.camel.Exchange;

/** Hears, from the one timer of the step routes, when a step of a run starts and how it ended. */
public interface StepListener {

    /** A step route took the exchange at {@code at}. */
    default void stepStarted(Exchange exchange, String step, Instant at) {
    }

    /** A step route let the exchange go: its record (status, start, duration, error) and its failure, if any. */
    void stepFinished(Exchange exchange, StepRecord step, Throwable failure);
}
