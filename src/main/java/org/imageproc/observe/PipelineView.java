package org.imageproc.observe;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.imageproc.observe.PipelineMetrics.LastFailure;

/** The pipeline MBean: a read-only view of {@link PipelineMetrics}. */
final class PipelineView implements PipelineMXBean {

    private final PipelineMetrics metrics;

    PipelineView(PipelineMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public long getImagesProcessed() {
        return metrics.processed();
    }

    @Override
    public long getImagesSucceeded() {
        return metrics.succeeded();
    }

    @Override
    public long getImagesFailed() {
        return metrics.failuresByReason().values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public Map<String, Long> getFailuresByReason() {
        return metrics.failuresByReason();
    }

    @Override
    public long getImagesSuperseded() {
        return metrics.superseded();
    }

    @Override
    public long getDuplicateDeliveries() {
        return metrics.duplicates();
    }

    @Override
    public int getInFlight() {
        return metrics.inFlight();
    }

    @Override
    public String getLastFailureTime() {
        return last(failure -> failure.at().toString());
    }

    @Override
    public String getLastFailureImage() {
        return last(LastFailure::imageId);
    }

    @Override
    public String getLastFailureStep() {
        return last(LastFailure::step);
    }

    @Override
    public String getLastFailureReason() {
        return last(LastFailure::reason);
    }

    @Override
    public String getLastFailureCause() {
        return last(LastFailure::cause);
    }

    private String last(Function<LastFailure, String> field) {
        return Optional.ofNullable(metrics.lastFailure()).map(field).orElse("");
    }
}
