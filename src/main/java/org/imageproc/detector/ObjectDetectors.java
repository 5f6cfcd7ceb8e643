package org.imageproc.detector;

import java.util.ServiceLoader;

/** Finds the object detector the build put on the class path, or says clearly that this build has none. */
public final class ObjectDetectors {

    private ObjectDetectors() {
    }

    public static ObjectDetector load(ClassLoader classLoader) {
        return ServiceLoader.load(ObjectDetector.class, classLoader).findFirst()
                .orElseThrow(() -> new IllegalStateException("This build has no local label detector (it was built "
                        + "with -Dlean). Use Amazon Rekognition (imageproc.mode=aws, or imageproc.aws.rekognition-endpoint),"
                        + " switch labels off (imageproc.labels.enabled=false), or use the default build."));
    }
}
