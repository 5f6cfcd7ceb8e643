package org.imageproc.observe;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.imageproc.run.Failure;

/** The pipeline's own figures, kept in Micrometer meters: Prometheus scrapes them and the MBeans read them. */
final class PipelineMetrics {

    static final double HIGH_PERCENTILE = 0.95;

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter processed;
    private final Counter succeeded;
    private final Counter duplicates;
    private final Counter superseded;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicReference<LastFailure> lastFailure = new AtomicReference<>();

    PipelineMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        processed = Counter.builder("imageproc.images.processed")
                .description("Runs that reached SUCCEEDED or FAILED").register(registry);
        succeeded = Counter.builder("imageproc.images.succeeded")
                .description("Runs that reached SUCCEEDED").register(registry);
        duplicates = Counter.builder("imageproc.images.duplicates")
                .description("Deliveries of an upload that was already processed, which changed nothing").register(registry);
        superseded = Counter.builder("imageproc.images.superseded")
                .description("Runs that stopped without writing: a newer upload of the key (or a later delivery of the"
                        + " same one) owned the item, or the event named an object replaced since").register(registry);
        Gauge.builder("imageproc.images.inflight", inFlight, AtomicInteger::get)
                .description("Images being processed now").register(registry);
    }

    void runStarted() {
        inFlight.incrementAndGet();
    }

    void runSucceeded() {
        inFlight.decrementAndGet();
        processed.increment();
        succeeded.increment();
    }

    void runDuplicate() {
        inFlight.decrementAndGet();
        duplicates.increment();
    }

    void runSuperseded() {
        inFlight.decrementAndGet();
        superseded.increment();
    }

    void runFailed(String imageId, String step, Throwable cause) {
        inFlight.decrementAndGet();
        processed.increment();
        Failure failure = Failure.of(cause);
        failures(failure.error()).increment();
        lastFailure.set(new LastFailure(clock.instant(), imageId, step, failure.error(), failure.cause()));
    }

    void stepFinished(String step, boolean failed, Duration duration) {
        stepTimer(step).record(duration);
        if (failed) {
            stepFailures(step).increment();
        }
    }

    long processed() {
        return (long) processed.count();
    }

    long succeeded() {
        return (long) succeeded.count();
    }

    long duplicates() {
        return (long) duplicates.count();
    }

    long superseded() {
        return (long) superseded.count();
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Failed runs by failure code (CorruptImage, NotSupportedImageType, ServiceError...). */
    Map<String, Long> failuresByReason() {
        Map<String, Long> byReason = new TreeMap<>();
        registry.find("imageproc.images.failed").counters()
                .forEach(counter -> byReason.put(counter.getId().getTag("reason"), (long) counter.count()));
        return byReason;
    }

    LastFailure lastFailure() {
        return lastFailure.get();
    }

    StepFigures step(String step) {
        HistogramSnapshot snapshot = stepTimer(step).takeSnapshot();
        double high = 0;
        for (ValueAtPercentile percentile : snapshot.percentileValues()) {
            if (percentile.percentile() == HIGH_PERCENTILE) {
                high = percentile.value(TimeUnit.MILLISECONDS);
            }
        }
        return new StepFigures(snapshot.count(), (long) stepFailures(step).count(),
                snapshot.mean(TimeUnit.MILLISECONDS), high, snapshot.max(TimeUnit.MILLISECONDS));
    }

    private Counter failures(String reason) {
        return Counter.builder("imageproc.images.failed").tag("reason", reason)
                .description("Runs that reached FAILED, by failure code").register(registry);
    }

    // the percentiles cover the last few minutes (Micrometer's rolling window), so they follow what happens now
    private Timer stepTimer(String step) {
        return Timer.builder("imageproc.step.duration").tag("step", step)
                .description("Time each processing step took")
                .publishPercentiles(0.5, HIGH_PERCENTILE, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(5))
                .distributionStatisticBufferLength(5)
                .register(registry);
    }

    private Counter stepFailures(String step) {
        return Counter.builder("imageproc.step.failures").tag("step", step)
                .description("Times a processing step failed").register(registry);
    }

    /** The most recent failed run. */
    record LastFailure(java.time.Instant at, String imageId, String step, String reason, String cause) {
    }

    /** One step's figures: runs, failures, mean, 95th percentile and maximum in milliseconds. */
    record StepFigures(long count, long failed, double meanMillis, double highPercentileMillis, double maxMillis) {
    }
}
