package org.imageproc.observe;

/** One step's MBean: a read-only view of its figures in {@link PipelineMetrics}. */
final class StepView implements StepMXBean {

    private final PipelineMetrics metrics;
    private final String step;

    StepView(PipelineMetrics metrics, String step) {
        this.metrics = metrics;
        this.step = step;
    }

    @Override
    public long getCount() {
        return metrics.step(step).count();
    }

    @Override
    public long getFailed() {
        return metrics.step(step).failed();
    }

    @Override
    public double getMeanMillis() {
        return metrics.step(step).meanMillis();
    }

    @Override
    public double getP95Millis() {
        return metrics.step(step).highPercentileMillis();
    }

    @Override
    public double getMaxMillis() {
        return metrics.step(step).maxMillis();
    }
}
