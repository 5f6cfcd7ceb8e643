package org.imageproc.detector;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import org.imageproc.detector.CalibrationFit.Sample;

/** How the cut (the chance shown as confidence 60) is fitted. */
enum CutRule {

    /** The least chance among the must objects of the reference photos, so that they all stay found. */
    REFERENCE {
        @Override
        double cut(List<Sample> samples, ToDoubleFunction<Sample> chance, double gate) {
            return samples.stream().filter(Sample::referenceMust).mapToDouble(chance).min().orElse(0.5);
        }
    },
    /** The least chance at which the labels at or above it, on photos that pass the gate, are 90% right. */
    PRECISION {
        @Override
        double cut(List<Sample> samples, ToDoubleFunction<Sample> chance, double gate) {
            Set<String> passing = GateRule.bests(samples, chance).stream().filter(b -> b.chance() >= gate)
                    .map(b -> b.sample().photo()).collect(Collectors.toSet());
            List<Sample> kept = samples.stream().filter(s -> passing.contains(s.photo()))
                    .sorted(Comparator.comparingDouble(chance).reversed()).toList();
            int right = 0;
            double cut = 1;
            for (int i = 0; i < kept.size(); i++) {
                right += kept.get(i).right() ? 1 : 0;
                if (right >= 0.9 * (i + 1)) {
                    cut = chance.applyAsDouble(kept.get(i));
                }
            }
            return cut;
        }
    },
    /** The precision cut, lowered where needed so that every must object of the reference photos stays found. */
    PRECISION_REFERENCE {
        @Override
        double cut(List<Sample> samples, ToDoubleFunction<Sample> chance, double gate) {
            return Math.min(PRECISION.cut(samples, chance, gate), REFERENCE.cut(samples, chance, gate));
        }
    };

    abstract double cut(List<Sample> samples, ToDoubleFunction<Sample> chance, double gate);
}
