package org.imageproc.catalog;

import static org.imageproc.catalog.AttributeValues.map;
import static org.imageproc.catalog.AttributeValues.n;
import static org.imageproc.catalog.AttributeValues.s;
import static org.imageproc.catalog.AttributeValues.sOrNull;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.imageproc.run.RunStatus;
import org.imageproc.run.StepRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item's {@code steps} attribute, written whole with each of the run's writes: the steps so far, the step that
 * writes ended as of the write, and the steps ahead of it until the next write shown as running.
 */
final class StepEntries {

    private StepEntries() {
    }

    /** The steps as recorded so far ({@code steps} may be null: none). */
    static AttributeValue of(Map<String, StepRecord> steps) {
        return ending(steps, null, null, null, null, List.of());
    }

    /**
     * The steps so far with {@code step} (the one writing, RUNNING in {@code steps}) ended {@code at} as
     * {@code status}, and each of {@code ahead} RUNNING from {@code at}: no write of their own follows.
     */
    static AttributeValue ending(Map<String, StepRecord> steps, String step, RunStatus status, String error,
            Instant at, List<String> ahead) {
        Map<String, AttributeValue> entries = new LinkedHashMap<>();
        if (steps != null) {
            steps.forEach((name, record) -> entries.put(name, entry(record)));
        }
        if (step != null) {
            StepRecord running = steps == null ? null : steps.get(step);
            Instant startedAt = running == null ? at : running.startedAt();
            entries.put(step, entry(new StepRecord(step, status.name(), startedAt,
                    Duration.between(startedAt, at).toMillis(), error)));
        }
        ahead.forEach(name -> entries.putIfAbsent(name, entry(new StepRecord(name, RunStatus.RUNNING.name(), at, 0,
                null))));
        return AttributeValue.fromM(entries);
    }

    /** One step as the item shows it: a running step has no duration yet. */
    private static AttributeValue entry(StepRecord step) {
        Map<String, AttributeValue> entry = new LinkedHashMap<>();
        entry.put("status", s(step.status()));
        entry.put("startedAt", s(step.startedAt().toString()));
        entry.put("durationMs", RunStatus.RUNNING.is(step.status()) ? null : n(step.durationMs()));
        entry.put("error", sOrNull(step.error()));
        return map(entry);
    }
}
