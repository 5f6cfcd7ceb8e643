package org.imageproc.run;

import java.time.Instant;

/** How one step of a run went, as the item's {@code steps} map shows it; {@code error} is null unless it failed. */
public record StepRecord(String step, String status, Instant startedAt, long durationMs, String error) {
}
