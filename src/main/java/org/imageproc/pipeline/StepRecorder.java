package org.imageproc.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.imageproc.catalog.ImageCatalog;
import org.imageproc.outage.Outages;
import org.imageproc.run.Execution;
import org.imageproc.run.RunStatus;
import org.imageproc.run.RunSupersededException;
import org.imageproc.run.StepListener;
import org.imageproc.run.StepRecord;
import org.imageproc.run.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each step's state and duration on the image's item as {@link StepTimer} reports it; a step that ran before
 * the run existed (reading the object) is kept in {@link Variables#EARLY_STEPS} for the run's first write.
 */
public final class StepRecorder implements StepListener {

    private static final Logger LOG = LoggerFactory.getLogger(StepRecorder.class);

    private final ImageCatalog catalog;
    private final Outages outages;

    public StepRecorder(ImageCatalog catalog, Outages outages) {
        this.catalog = catalog;
        this.outages = outages;
    }

    @Override
    public void stepStarted(Exchange exchange, String step, Instant at) {
        log(exchange, new StepRecord(step, RunStatus.RUNNING.name(), at, 0, null));
        Execution execution = exchange.getVariable(Variables.EXECUTION, Execution.class);
        if (execution != null) {
            record(() -> catalog.stepStarted(execution, step, at), step, execution);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void stepFinished(Exchange exchange, StepRecord step, Throwable failure) {
        log(exchange, step);
        Execution execution = exchange.getVariable(Variables.EXECUTION, Execution.class);
        if (execution != null) {
            record(() -> catalog.stepFinished(execution, step), step.step(), execution);
        } else if (failure == null) {
            List<StepRecord> early = exchange.getVariable(Variables.EARLY_STEPS, List.class);
            List<StepRecord> steps = early == null ? new ArrayList<>() : new ArrayList<>(early);
            steps.add(step);
            exchange.setVariable(Variables.EARLY_STEPS, steps);
        }
    }

    /** Keeps the step in {@link Variables#STEPS}, a new map each time: parallel branches share the one they copied. */
    @SuppressWarnings("unchecked")
    private static void log(Exchange exchange, StepRecord step) {
        Map<String, StepRecord> steps = exchange.getVariable(Variables.STEPS, Map.class);
        Map<String, StepRecord> next = steps == null ? new LinkedHashMap<>() : new LinkedHashMap<>(steps);
        next.put(step.step(), step);
        exchange.setVariable(Variables.STEPS, Collections.unmodifiableMap(next));
    }

    // a lost progress update must not fail the image: the final status is written by the flow itself, and a run
    // that lost its item finds out at its next write of a result; during an outage already reported it is only noted
    private void record(Runnable update, String step, Execution execution) {
        try {
            update.run();
        } catch (RunSupersededException e) {
            LOG.debug("Step {} not recorded: {}", step, e.getMessage());
        } catch (RuntimeException e) {
            if (!outages.explains(e, execution.key())) {
                LOG.warn("Could not record progress of step {}: {}", step, e.getMessage());
            }
        }
    }
}
