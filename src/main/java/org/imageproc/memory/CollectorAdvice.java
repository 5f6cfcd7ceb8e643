package org.imageproc.memory;

import java.lang.management.ManagementFactory;
import java.util.Optional;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns at start when the JVM runs G1 with its adaptive marking threshold (the README's run command turns it off):
 * each image's arrays of a megabyte and more can teach it to start a marking cycle for every one of them, which took a
 * quarter off decoding in a small heap (docs/benchmarks.md, "Garbage collection").
 */
public final class CollectorAdvice {

    /** The option, as the README's run command gives it. */
    public static final String OPTION = "-XX:-G1UseAdaptiveIHOP";

    private static final Logger LOG = LoggerFactory.getLogger(CollectorAdvice.class);

    private CollectorAdvice() {
    }

    /** Logs the advice once if it applies to this JVM. */
    public static void logIfNeeded() {
        advice(g1InUse(), vmOption("G1UseAdaptiveIHOP")).ifPresent(LOG::warn);
    }

    /**
     * @param g1 whether the JVM collects with G1
     * @param adaptiveIhop the value of G1UseAdaptiveIHOP, empty where this JVM has no such option
     */
    static Optional<String> advice(boolean g1, Optional<String> adaptiveIhop) {
        if (!g1 || !adaptiveIhop.map("true"::equals).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of("G1 runs with its adaptive marking threshold: start java with " + OPTION + ", as the"
                + " README's run command does, or large images can make it run a marking cycle for each and slow"
                + " decoding by up to a quarter");
    }

    private static boolean g1InUse() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(bean -> bean.getName().startsWith("G1"));
    }

    private static Optional<String> vmOption(String name) {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotSpot == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(hotSpot.getVMOption(name).getValue());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
