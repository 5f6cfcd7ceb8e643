package org.imageproc.detector;

import java.nio.file.Path;

/**
 * How the local detector runs.
 *
 * @param threads   threads each image's inference runs on (at least 1)
 * @param nativeDir a folder where the detector's native libraries are kept between starts; null: a temporary copy
 *                  made on each start
 * @param views     which views of each picture the model runs on
 */
public record DetectorSettings(int threads, Path nativeDir, Views views) {

    /** The views the bundled calibration was fitted with. */
    public static final Views DEFAULT_VIEWS = Views.WHOLE;

    public DetectorSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("The local detector needs at least one thread, not " + threads);
        }
        if (views == null) {
            throw new IllegalArgumentException("The local detector needs its views (WHOLE, FLIP, TILES, FLIP_TILES)");
        }
    }

    public DetectorSettings(int threads, Path nativeDir) {
        this(threads, nativeDir, DEFAULT_VIEWS);
    }

    /** A thread per core, natives unpacked to a temporary copy on each start, the default views. */
    public static DetectorSettings defaults() {
        return new DetectorSettings(Runtime.getRuntime().availableProcessors(), null);
    }
}
