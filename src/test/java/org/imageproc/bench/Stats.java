package org.imageproc.bench;

import java.util.Arrays;
import java.util.Collection;

/** Order statistics of a set of measurements: median and nearest-rank percentiles. */
final class Stats {

    private final double[] sorted;

    private Stats(double[] sorted) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        this.sorted = sorted;
    }

    static Stats of(Collection<? extends Number> values) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        return new Stats(sorted);
    }

    static Stats of(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Stats(sorted);
    }

    int count() {
        return sorted.length;
    }

    double median() {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The smallest value with at least {@code percent} % of the values at or below it. */
    double percentile(double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    double max() {
        return sorted[sorted.length - 1];
    }
}
