package org.imageproc.detector;

import java.nio.file.Path;

/**
 * How the local detector runs.
 *
 * @param threads   threads each image's inference runs on (at least 1)
 * @param nativeDir a folder where the detector's native libraries are kept between starts; null: a temporary copy
 *                  made on each start
 */
public record DetectorSettings(int threads, Path nativeDir) {

    public DetectorSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("The local detector needs at least one thread, not " + threads);
        }
    }

    /** A thread per core, natives unpacked to a temporary copy on each start. */
    public static DetectorSettings defaults() {
        return new DetectorSettings(Runtime.getRuntime().availableProcessors(), null);
    }
}
