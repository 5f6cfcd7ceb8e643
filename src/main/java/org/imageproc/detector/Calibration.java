package org.imageproc.detector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one detection into a 0-100 confidence. First the chance that the label is right: a logistic model of the raw
 * score, the runner-up class's score at the same place and the box's share of the picture, plus an offset for the
 * class (shrunk towards its category's, shrunk towards none), fitted on the evaluation set with
 * {@code CalibrationFit} and read from {@code calibration.tsv}. Then that chance is mapped piecewise linearly so that
 * the table's cut (the least chance that keeps every main subject of the nine shared photos) is confidence 60, the
 * service's default MinConfidence; 0 stays 0 and 1 stays 100.
 *
 * @param intercept the model's intercept
 * @param score     weight of logit(raw score)
 * @param runnerUp  weight of logit(runner-up score)
 * @param area      weight of the box's share of the picture (0-1)
 * @param cut       the chance of being right that is shown as confidence 60
 * @param gate      the chance of being right that a photo's best detection must reach for the photo to get any label
 *                  ("nothing known here" below it)
 * @param offsets   by COCO class: its category's offset plus its own
 */
public record Calibration(double intercept, double score, double runnerUp, double area, double cut, double gate,
        Map<String, Double> offsets) {

    /** The confidence at which the cut is shown: the default MinConfidence. */
    public static final double CUT_CONFIDENCE = 60;
    static final String RESOURCE = "calibration.tsv";
    /** Runner-up scores below this count as this: at the model's floor they carry no information. */
    static final double RUNNER_UP_FLOOR = 0.01;

    public Calibration {
        offsets = Map.copyOf(offsets);
    }

    /** The fitted table bundled with the detector. */
    public static Calibration load() {
        try (InputStream stream = Calibration.class.getResourceAsStream(RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException("The detector's calibration table " + RESOURCE + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the calibration table", e);
        }
    }

    static Calibration parse(BufferedReader reader) throws IOException {
        double[] model = null;
        double cut = Double.NaN;
        double gate = Double.NaN;
        Map<String, Double> offsets = new HashMap<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            switch (columns[0]) {
                case "model" -> model = new double[] {Double.parseDouble(columns[1]), Double.parseDouble(columns[2]),
                        Double.parseDouble(columns[3]), Double.parseDouble(columns[4])};
                case "cut" -> cut = Double.parseDouble(columns[1]);
                case "gate" -> gate = Double.parseDouble(columns[1]);
                case "class" -> offsets.put(columns[1], Double.parseDouble(columns[2]) + Double.parseDouble(columns[3]));
                default -> throw new IllegalArgumentException("Unknown calibration line: " + line);
            }
        }
        if (model == null || Double.isNaN(cut) || Double.isNaN(gate)) {
            throw new IllegalArgumentException("The calibration table has no model, no cut or no gate");
        }
        return new Calibration(model[0], model[1], model[2], model[3], cut, gate, offsets);
    }

    /** The chance, 0-1, that a label for this detection is right. */
    public double probability(Detection detection) {
        double z = intercept + score * logit(detection.score()) + runnerUp * logit(Math.max(RUNNER_UP_FLOOR,
                detection.runnerUp())) + area * detection.box().width() * detection.box().height()
                + offsets.getOrDefault(detection.className(), 0.0);
        return 1 / (1 + Math.exp(-z));
    }

    /** Whether a photo with these detections shows nothing the detector knows: none reaches the gate. */
    public boolean nothingKnown(List<Detection> detections) {
        return detections.stream().noneMatch(d -> probability(d) >= gate);
    }

    /** The confidence shown for this detection, 0-100. */
    public double confidence(Detection detection) {
        return confidence(probability(detection));
    }

    /** The chance of being right as shown: the cut at 60, linear below and above it. */
    double confidence(double probability) {
        return probability <= cut ? CUT_CONFIDENCE * probability / cut
                : CUT_CONFIDENCE + (100 - CUT_CONFIDENCE) * (probability - cut) / (1 - cut);
    }

    static double logit(double p) {
        double clamped = Math.max(1e-4, Math.min(1 - 1e-4, p));
        return Math.log(clamped / (1 - clamped));
    }
}
