package org.imageproc.pipeline;

import org.imageproc.run.RunStatus;
import org.imageproc.run.Steps;
import org.imageproc.run.Variables;
import org.imageproc.run.RunSupersededException;
import org.imageproc.run.StepRecord;
import org.imageproc.run.Failure;
import org.imageproc.run.Execution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.imageproc.catalog.ImageCatalog;
import org.imageproc.outage.Outages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each step route's state and duration on the image's item as the exchange enters and leaves it; a step that
 * ran before the run existed (reading the object) is kept in {@link Variables#EARLY_STEPS} for the run's first write.
 */
final class StepRecorder extends RoutePolicySupport {

    private static final Logger LOG = LoggerFactory.getLogger(StepRecorder.class);
    private static final String STARTED_AT = "imageproc.stepStartedAt.";

    private final ImageCatalog catalog;
    private final Clock clock;
    private final Outages outages;

    StepRecorder(ImageCatalog catalog, Clock clock, Outages outages) {
        this.catalog = catalog;
        this.clock = clock;
        this.outages = outages;
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        Instant now = clock.instant();
        exchange.setProperty(STARTED_AT + route.getRouteId(), now);
        exchange.removeProperty(Steps.SKIPPED);
        Execution execution = exchange.getVariable(Variables.EXECUTION, Execution.class);
        if (execution != null) {
            record(() -> catalog.stepStarted(execution, route.getRouteId(), now), route, execution);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onExchangeDone(Route route, Exchange exchange) {
        Instant startedAt = exchange.getProperty(STARTED_AT + route.getRouteId(), Instant.class);
        if (startedAt == null) {
            return;
        }
        Throwable failure = Steps.failure(exchange);
        String status = failure != null ? RunStatus.FAILED.name()
                : exchange.getProperty(Steps.SKIPPED, false, Boolean.class) ? RunStatus.SKIPPED.name() : RunStatus.SUCCEEDED.name();
        long durationMs = Duration.between(startedAt, clock.instant()).toMillis();
        StepRecord step = new StepRecord(route.getRouteId(), status, startedAt, durationMs,
                failure == null ? null : Failure.of(failure).cause());
        Execution execution = exchange.getVariable(Variables.EXECUTION, Execution.class);
        if (execution != null) {
            record(() -> catalog.stepFinished(execution, step), route, execution);
        } else if (failure == null) {
            List<StepRecord> early = exchange.getVariable(Variables.EARLY_STEPS, List.class);
            List<StepRecord> steps = early == null ? new ArrayList<>() : new ArrayList<>(early);
            steps.add(step);
            exchange.setVariable(Variables.EARLY_STEPS, steps);
        }
    }

    // a lost progress update must not fail the image: the final status is written by the flow itself, and a run
    // that lost its item finds out at its next write of a result; during an outage already reported it is only noted
    private void record(Runnable update, Route route, Execution execution) {
        try {
            update.run();
        } catch (RunSupersededException e) {
            LOG.debug("Step {} not recorded: {}", route.getRouteId(), e.getMessage());
        } catch (RuntimeException e) {
            if (!outages.explains(e, execution.key())) {
                LOG.warn("Could not record progress of step {}: {}", route.getRouteId(), e.getMessage());
            }
        }
    }
}
