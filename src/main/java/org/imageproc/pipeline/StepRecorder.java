package org.imageproc.pipeline;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * Keeps each step's state and duration, as {@link StepTimer} reports it, in {@link Variables#STEPS}: the run's writes
 * of the item (start, stored metadata, finish or failure) carry them, so a step costs no write of its own. Only a step
 * after the final write ({@link Variables#FINISHED}) writes its record itself when it ends.
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
        keep(exchange, new StepRecord(step, RunStatus.RUNNING.name(), at, 0, null));
    }

    @Override
    public void stepFinished(Exchange exchange, StepRecord step, Throwable failure) {
        keep(exchange, step);
        Execution execution = exchange.getVariable(Variables.EXECUTION, Execution.class);
        String finishedBy = exchange.getVariable(Variables.FINISHED, String.class);
        if (execution != null && finishedBy != null && !finishedBy.equals(step.step())) {
            record(step, execution);
        }
    }

    /** A new map each time: parallel branches share the one they copied. */
    @SuppressWarnings("unchecked")
    private static void keep(Exchange exchange, StepRecord step) {
        Map<String, StepRecord> steps = exchange.getVariable(Variables.STEPS, Map.class);
        Map<String, StepRecord> next = steps == null ? new LinkedHashMap<>() : new LinkedHashMap<>(steps);
        next.put(step.step(), step);
        exchange.setVariable(Variables.STEPS, Collections.unmodifiableMap(next));
    }

    // a lost record must not fail the image, which is final already; during an outage already reported it is only noted
    private void record(StepRecord step, Execution execution) {
        try {
            catalog.stepFinished(execution, step);
        } catch (RunSupersededException e) {
            LOG.debug("Step {} not recorded: {}", step.step(), e.getMessage());
        } catch (RuntimeException e) {
            if (!outages.explains(e, execution.key())) {
                LOG.warn("Could not record step {}: {}", step.step(), e.getMessage());
            }
        }
    }
}
