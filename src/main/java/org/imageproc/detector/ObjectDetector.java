package org.imageproc.detector;

import java.util.List;

import org.imageproc.imaging.ImageFormat;

/** An object-detection model, found with {@link java.util.ServiceLoader} so that a lean build can leave it out. */
public interface ObjectDetector extends AutoCloseable {

    /** What answers LabelModelVersion. */
    String modelVersion();

    /**
     * The objects in a JPEG or PNG whose raw score reaches {@code minScore}, after overlap removal, best first.
     *
     * @throws org.imageproc.run.ImageRejectedException when the pixels cannot be decoded
     */
    List<Detection> detect(byte[] image, ImageFormat format, double minScore);

    @Override
    void close();
}
