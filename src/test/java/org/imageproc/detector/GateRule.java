package org.imageproc.detector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import org.imageproc.detector.CalibrationFit.Sample;

/** How the photo gate (the chance a photo's best label needs for the photo to get any label) is fitted. */
enum GateRule {

    /** No gate. */
    NONE {
        @Override
        double gate(List<Sample> samples, ToDoubleFunction<Sample> chance) {
            return 0;
        }
    },
    /** The least best chance among the reference photos, so that each keeps its labels. */
    REFERENCE {
        @Override
        double gate(List<Sample> samples, ToDoubleFunction<Sample> chance) {
            return bests(samples, chance).stream().filter(b -> b.sample().reference())
                    .mapToDouble(Best::chance).min().orElse(0);
        }
    },
    /** The chance that best separates photos whose best label is right from those whose best label is wrong. */
    FITTED {
        @Override
        double gate(List<Sample> samples, ToDoubleFunction<Sample> chance) {
            List<Best> bests = new ArrayList<>(bests(samples, chance));
            bests.sort(Comparator.comparingDouble(Best::chance));
            // gate at each photo's best chance: kept are the photos at or above it
            int kept = 0;
            for (Best b : bests) {
                kept += b.sample().right() ? 1 : -1;
            }
            int bestScore = kept;
            double gate = 0;
            for (Best b : bests) {
                kept -= b.sample().right() ? 1 : -1;
                if (kept > bestScore) {
                    bestScore = kept;
                    gate = Math.nextUp(b.chance());
                }
            }
            return gate;
        }
    },
    /** The fitted gate, lowered where needed so that every reference photo keeps its labels. */
    FITTED_REFERENCE {
        @Override
        double gate(List<Sample> samples, ToDoubleFunction<Sample> chance) {
            return Math.min(FITTED.gate(samples, chance), REFERENCE.gate(samples, chance));
        }
    };

    abstract double gate(List<Sample> samples, ToDoubleFunction<Sample> chance);

    record Best(Sample sample, double chance) {
    }

    /** Each photo's most likely label. */
    static List<Best> bests(List<Sample> samples, ToDoubleFunction<Sample> chance) {
        Map<String, Best> byPhoto = samples.stream().collect(Collectors.toMap(Sample::photo,
                s -> new Best(s, chance.applyAsDouble(s)), (a, b) -> a.chance() >= b.chance() ? a : b));
        return List.copyOf(byPhoto.values());
    }
}
