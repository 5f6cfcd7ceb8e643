package org.imageproc.detector;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one stride's head outputs as upstream NanoDet does: per grid cell the best class score (sigmoid already
 * applied by the graph) and, per side, a softmax over {@code REG_MAX + 1} distance bins whose expectation times the
 * stride is the distance from the cell centre ((i + 0.5) x stride) to that side.
 */
public final class NanoDetOutput {

    static final int REG_MAX = 10;
    private static final int BINS = REG_MAX + 1;

    private NanoDetOutput() {
    }

    /**
     * @param scores    {@code cells x classes.length} class scores, row-major over the grid
     * @param distances {@code cells x 4 x BINS} logits, sides in the order left, top, right, bottom
     */
    public static List<Detection> decode(float[] scores, float[] distances, int stride, int inputSize,
            List<String> classes, double minScore) {
        int grid = inputSize / stride;
        int cells = grid * grid;
        int classCount = classes.size();
        if (scores.length != cells * classCount || distances.length != cells * 4 * BINS) {
            throw new IllegalArgumentException("Stride " + stride + " outputs have " + scores.length + " scores and "
                    + distances.length + " distances, not " + cells * classCount + " and " + cells * 4 * BINS);
        }
        List<Detection> found = new ArrayList<>();
        for (int cell = 0; cell < cells; cell++) {
            int best = 0;
            float second = 0;
            for (int c = 1; c < classCount; c++) {
                float s = scores[cell * classCount + c];
                if (s > scores[cell * classCount + best]) {
                    second = Math.max(second, scores[cell * classCount + best]);
                    best = c;
                } else {
                    second = Math.max(second, s);
                }
            }
            float score = scores[cell * classCount + best];
            if (score < minScore) {
                continue;
            }
            double cx = (cell % grid + 0.5) * stride;
            double cy = (cell / grid + 0.5) * stride;
            int offset = cell * 4 * BINS;
            double left = clamp(cx - expectation(distances, offset) * stride, inputSize);
            double top = clamp(cy - expectation(distances, offset + BINS) * stride, inputSize);
            double right = clamp(cx + expectation(distances, offset + 2 * BINS) * stride, inputSize);
            double bottom = clamp(cy + expectation(distances, offset + 3 * BINS) * stride, inputSize);
            if (right > left && bottom > top) {
                found.add(new Detection(classes.get(best), score, new Box(left / inputSize, top / inputSize,
                        (right - left) / inputSize, (bottom - top) / inputSize), second));
            }
        }
        return found;
    }

    /** The softmax-weighted mean bin index of {@code BINS} logits. */
    static double expectation(float[] logits, int offset) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < BINS; i++) {
            max = Math.max(max, logits[offset + i]);
        }
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < BINS; i++) {
            double e = Math.exp(logits[offset + i] - max);
            sum += e;
            weighted += e * i;
        }
        return weighted / sum;
    }

    private static double clamp(double value, int inputSize) {
        return Math.max(0, Math.min(inputSize, value));
    }
}
