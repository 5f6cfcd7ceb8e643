package org.imageproc.bench;

import java.util.List;

/** A least-squares straight line through points: how fast y grows with x. */
record Trend(double slope, double intercept, int points) {

    static Trend fit(List<double[]> xy) {
        int n = xy.size();
        if (n < 2) {
            return new Trend(Double.NaN, Double.NaN, n);
        }
        double meanX = xy.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double meanY = xy.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : xy) {
            sxy += (p[0] - meanX) * (p[1] - meanY);
            sxx += (p[0] - meanX) * (p[0] - meanX);
        }
        double slope = sxx == 0 ? Double.NaN : sxy / sxx;
        return new Trend(slope, meanY - slope * meanX, n);
    }
}
