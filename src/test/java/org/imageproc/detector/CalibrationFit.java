package org.imageproc.detector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Fits the detector's {@link Calibration} on judged detections: a logistic regression of "the label is right" on
 * logit(score), logit(runner-up score) and box area, with a random offset per category (Animals and Pets, Food and
 * Beverage...) and per class within it. The offsets have Gaussian priors (penalised maximum likelihood), so a class
 * seen a few times moves only a little away from its category and a category only a little from the global curve;
 * the priors' widths are chosen by cross-validated log loss over a small grid. Then the gate (the chance a photo's best
 * label needs for the photo to get any label) and the cut shown as confidence 60 are set by their rules; the bundled
 * table's are the least best chance among the reference photos (the nine shared ones) and the least chance among
 * their must objects, so that they keep their labels and their main subjects.
 */
final class CalibrationFit {

    /**
     * One label the detector gave a photo: its best detection's features, whether the class is really there, and
     * whether its photo is a reference photo (one of the nine shared ones), and whether it is a must object of one.
     */
    record Sample(String photo, String className, double score, double runnerUp, double area, boolean right, boolean reference, boolean referenceMust) {

        /** The model's features: 1, logit(score), logit(runner-up), area. */
        double[] features() {
            return new double[] {1, Calibration.logit(score),
                    Calibration.logit(Math.max(Calibration.RUNNER_UP_FLOOR, runnerUp)), area};
        }
    }

    /** Prior widths tried for the category and class offsets. */
    static final double[] WIDTHS = {0.25, 0.5, 1, 2};
    private static final int FOLDS = 5;
    private static final double COEFFICIENT_WIDTH = 10;
    private static final int FEATURES = 4;


    private final Taxonomy taxonomy = Taxonomy.load();
    private final GateRule gateRule;
    private final CutRule cutRule;

    /** The rules the bundled table is fitted with. */
    CalibrationFit() {
        this(GateRule.REFERENCE, CutRule.REFERENCE);
    }

    CalibrationFit(GateRule gateRule, CutRule cutRule) {
        this.gateRule = gateRule;
        this.cutRule = cutRule;
    }

    /** The category a class's offset is shrunk towards. */
    String category(String className) {
        return taxonomy.forClass(className).categories().get(0);
    }

    /** Chooses the prior widths by cross-validation on these samples, then fits on all of them. */
    Fitted fit(List<Sample> samples) {
        double bestLoss = Double.POSITIVE_INFINITY;
        double[] best = {WIDTHS[0], WIDTHS[0]};
        for (double categoryWidth : WIDTHS) {
            for (double classWidth : WIDTHS) {
                double loss = crossValidatedLogLoss(samples, categoryWidth, classWidth);
                if (loss < bestLoss - 1e-9) {
                    bestLoss = loss;
                    best = new double[] {categoryWidth, classWidth};
                }
            }
        }
        return fit(samples, best[0], best[1]);
    }

    private double crossValidatedLogLoss(List<Sample> samples, double categoryWidth, double classWidth) {
        double loss = 0;
        for (int fold = 0; fold < FOLDS; fold++) {
            int f = fold;
            Predicate<Sample> held = s -> Math.floorMod(s.photo().hashCode(), FOLDS) == f;
            Fitted model = fit(samples.stream().filter(held.negate()).toList(), categoryWidth, classWidth);
            for (Sample s : samples.stream().filter(held).toList()) {
                double p = Math.max(1e-6, Math.min(1 - 1e-6, model.probability(s)));
                loss -= s.right() ? Math.log(p) : Math.log(1 - p);
            }
        }
        return loss / samples.size();
    }

    /** The fitted model: coefficients, offsets by category and by class, the prior widths, the cut and the gate. */
    record Fitted(double[] coefficients, Map<String, Double> categoryOffsets, Map<String, Double> classOffsets,
            Map<String, String> categories, double categoryWidth, double classWidth, double cut, double gate) {

        double probability(Sample s) {
            double[] x = s.features();
            double z = categoryOffsets.getOrDefault(categories.get(s.className()), 0.0)
                    + classOffsets.getOrDefault(s.className(), 0.0);
            for (int j = 0; j < x.length; j++) {
                z += coefficients[j] * x[j];
            }
            return 1 / (1 + Math.exp(-z));
        }

        Calibration calibration() {
            Map<String, Double> offsets = new HashMap<>();
            classOffsets.forEach((c, u) -> offsets.put(c, u + categoryOffsets.getOrDefault(categories.get(c), 0.0)));
            return new Calibration(coefficients[0], coefficients[1], coefficients[2], coefficients[3], cut, gate,
                    offsets);
        }

        /** The table as {@code calibration.tsv} holds it: every COCO class, with its category's offset and its own. */
        String table() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """
                    # The local detector's calibration (see Calibration and, in the tests, CalibrationFit; docs/labels.md, "Confidence (calibration)").
                    # Fitted on the evaluation set src/test/resources/labels-eval; regenerate with
                    #   mvn test -Dtest=LabelsAccuracyTest -Dlabels.calibration.write=true
                    # Prior widths chosen by cross-validation: categories %.2f, classes %.2f.
                    # model: intercept, weight of logit(score), of logit(runner-up score), of box area
                    model\t%.6f\t%.6f\t%.6f\t%.6f
                    # the chance of being right shown as confidence 60
                    cut\t%.6f
                    # the chance of being right a photo's best detection needs for the photo to get any label
                    gate\t%.6f
                    # class, its category's offset, its own offset
                    """, categoryWidth, classWidth, coefficients[0], coefficients[1], coefficients[2],
                    coefficients[3], cut, gate));
            for (String c : CocoClasses.NAMES) {
                out.append(String.format(Locale.ROOT, "class\t%s\t%.6f\t%.6f%n", c,
                        categoryOffsets.getOrDefault(categories.get(c), 0.0), classOffsets.getOrDefault(c, 0.0)));
            }
            return out.toString();
        }
    }

    /** Penalised maximum likelihood by Newton's method (the objective is convex). */
    Fitted fit(List<Sample> samples, double categoryWidth, double classWidth) {
        Map<String, String> categories = new HashMap<>();
        CocoClasses.NAMES.forEach(c -> categories.put(c, category(c)));
        List<String> categoryList = new ArrayList<>(new TreeSet<>(categories.values()));
        int features = FEATURES;
        int n = features + categoryList.size() + CocoClasses.NAMES.size();
        double[] prior = new double[n];
        for (int j = 0; j < n; j++) {
            double width = j < features ? COEFFICIENT_WIDTH : j < features + categoryList.size() ? categoryWidth
                    : classWidth;
            prior[j] = 1 / (width * width);
        }
        int[][] index = new int[samples.size()][];
        double[][] x = new double[samples.size()][];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            x[i] = s.features();
            index[i] = new int[] {features + categoryList.indexOf(categories.get(s.className())),
                    features + categoryList.size() + CocoClasses.NAMES.indexOf(s.className())};
        }
        double[] w = new double[n];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[n];
            double[][] hessian = new double[n][n];
            for (int j = 0; j < n; j++) {
                gradient[j] = prior[j] * w[j];
                hessian[j][j] = prior[j];
            }
            for (int i = 0; i < samples.size(); i++) {
                double z = w[index[i][0]] + w[index[i][1]];
                for (int j = 0; j < features; j++) {
                    z += w[j] * x[i][j];
                }
                double p = 1 / (1 + Math.exp(-z));
                double r = p - (samples.get(i).right() ? 1 : 0);
                double v = p * (1 - p);
                int[] columns = {0, 1, 2, 3, index[i][0], index[i][1]};
                double[] values = {x[i][0], x[i][1], x[i][2], x[i][3], 1, 1};
                for (int a = 0; a < columns.length; a++) {
                    gradient[columns[a]] += r * values[a];
                    for (int b = 0; b < columns.length; b++) {
                        hessian[columns[a]][columns[b]] += v * values[a] * values[b];
                    }
                }
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int j = 0; j < n; j++) {
                w[j] -= step[j];
                change = Math.max(change, Math.abs(step[j]));
            }
            if (change < 1e-9) {
                break;
            }
        }
        Map<String, Double> categoryOffsets = new HashMap<>();
        for (int g = 0; g < categoryList.size(); g++) {
            categoryOffsets.put(categoryList.get(g), w[features + g]);
        }
        Map<String, Double> classOffsets = new HashMap<>();
        for (int c = 0; c < CocoClasses.NAMES.size(); c++) {
            classOffsets.put(CocoClasses.NAMES.get(c), w[features + categoryList.size() + c]);
        }
        double[] coefficients = Arrays.copyOf(w, features);
        Fitted uncut = new Fitted(coefficients, categoryOffsets, classOffsets, categories, categoryWidth, classWidth,
                0.5, 0);
        double gate = gateRule.gate(samples, uncut::probability);
        double cut = cutRule.cut(samples, uncut::probability, gate);
        return new Fitted(coefficients, categoryOffsets, classOffsets, categories, categoryWidth, classWidth,
                Math.floor(cut * 1000) / 1000, Math.floor(gate * 1000) / 1000);
    }

    /** Gaussian elimination with partial pivoting; the penalised Hessian is positive definite. */
    static double[] solve(double[][] matrix, double[] vector) {
        int n = vector.length;
        double[][] a = new double[n][];
        double[] b = vector.clone();
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double tb = b[col];
            b[col] = b[pivot];
            b[pivot] = tb;
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                for (int k = col; k < n; k++) {
                    a[row][k] -= factor * a[col][k];
                }
                b[row] -= factor * b[col];
            }
        }
        double[] solution = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = b[row];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * solution[k];
            }
            solution[row] = sum / a[row][row];
        }
        return solution;
    }
}
