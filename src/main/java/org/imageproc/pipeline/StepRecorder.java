package org.imageproc.pipeline;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.imageproc.run.RunStatus;
import org.imageproc.run.StepListener;
import org.imageproc.run.StepRecord;
import org.imageproc.run.Variables;

/**
 * Keeps each step's state and duration, as {@link StepTimer} reports it, in {@link Variables#STEPS}: the run's writes
 * of the item (start, stored metadata, finish or failure) carry them, so a step costs no write of its own.
 */
public final class StepRecorder implements StepListener {

    @Override
    public void stepStarted(Exchange exchange, String step, Instant at) {
        keep(exchange, new StepRecord(step, RunStatus.RUNNING.name(), at, 0, null));
    }

    @Override
    public void stepFinished(Exchange exchange, StepRecord step, Throwable failure) {
        keep(exchange, step);
    }

    /** A new map each time: parallel branches share the one they copied. */
    @SuppressWarnings("unchecked")
    private static void keep(Exchange exchange, StepRecord step) {
        Map<String, StepRecord> steps = exchange.getVariable(Variables.STEPS, Map.class);
        Map<String, StepRecord> next = steps == null ? new LinkedHashMap<>() : new LinkedHashMap<>(steps);
        next.put(step.step(), step);
        exchange.setVariable(Variables.STEPS, Collections.unmodifiableMap(next));
    }
}
