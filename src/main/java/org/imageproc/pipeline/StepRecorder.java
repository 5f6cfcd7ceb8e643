package org.imageproc.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.imageproc.catalog.ImageCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records each step route's state and duration on the image's item as the exchange enters and leaves it. */
final class StepRecorder extends RoutePolicySupport {

    private static final Logger LOG = LoggerFactory.getLogger(StepRecorder.class);
    private static final String STARTED_AT = "imageproc.stepStartedAt.";

    private final ImageCatalog catalog;
    private final Clock clock;

    StepRecorder(ImageCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        Execution execution = exchange.getVariable(Variables.EXECUTION, Execution.class);
        if (execution == null) {
            return;
        }
        Instant now = clock.instant();
        exchange.setProperty(STARTED_AT + route.getRouteId(), now);
        exchange.removeProperty(Steps.SKIPPED);
        record(() -> catalog.stepStarted(execution, route.getRouteId(), now), route);
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        Execution execution = exchange.getVariable(Variables.EXECUTION, Execution.class);
        Instant startedAt = exchange.getProperty(STARTED_AT + route.getRouteId(), Instant.class);
        if (execution == null || startedAt == null) {
            return;
        }
        Throwable failure = Steps.failure(exchange);
        String status = failure != null ? ImageCatalog.FAILED
                : exchange.getProperty(Steps.SKIPPED, false, Boolean.class) ? "SKIPPED" : ImageCatalog.SUCCEEDED;
        long durationMs = Duration.between(startedAt, clock.instant()).toMillis();
        String error = failure == null ? null : Failure.of(failure).cause();
        record(() -> catalog.stepFinished(execution, route.getRouteId(), startedAt, status, durationMs, error), route);
    }

    // a lost progress update must not fail the image: the final status is written by the flow itself
    private static void record(Runnable update, Route route) {
        try {
            update.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not record progress of step {}: {}", route.getRouteId(), e.getMessage());
        }
    }
}
