package org.imageproc.detector;

import java.lang.reflect.InvocationTargetException;
import java.util.ServiceLoader;

/** Finds the object detector the build put on the class path, or says clearly that this build has none. */
public final class ObjectDetectors {

    private ObjectDetectors() {
    }

    public static ObjectDetector load(ClassLoader classLoader) {
        return load(classLoader, DetectorSettings.defaults());
    }

    /** The detector, built with {@code settings} through its public constructor that takes them. */
    public static ObjectDetector load(ClassLoader classLoader, DetectorSettings settings) {
        Class<? extends ObjectDetector> type = ServiceLoader.load(ObjectDetector.class, classLoader).stream()
                .findFirst().map(ServiceLoader.Provider::type)
                .orElseThrow(() -> new IllegalStateException("This build has no local label detector (it was built "
                        + "with -Dlean). Use Amazon Rekognition (imageproc.mode=aws, or imageproc.aws.rekognition-endpoint),"
                        + " switch labels off (imageproc.labels.enabled=false), or use the default build."));
        try {
            return type.getConstructor(DetectorSettings.class).newInstance(settings);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("The local label detector could not load: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " has no public constructor taking DetectorSettings", e);
        }
    }
}
