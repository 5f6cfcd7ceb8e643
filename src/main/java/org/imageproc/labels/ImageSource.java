package org.imageproc.labels;

import java.util.Locale;

/** How DetectLabels gets the image: a reduced rendition of the run's working image, or the original from S3. */
public enum ImageSource {
    /** {@code Image.Bytes}: a JPEG of the working image, at most imageproc.labels.image-size on its longest side. */
    BYTES,
    /** {@code Image.S3Object}: Rekognition reads the original (15 MB at most) by bucket and key. */
    S3_OBJECT;

    /** {@code bytes} or {@code s3-object}, as imageproc.labels.image-source names them. */
    public static ImageSource parse(String value) {
        String name = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "bytes" -> BYTES;
            case "s3-object" -> S3_OBJECT;
            default -> throw new IllegalArgumentException(
                    "imageproc.labels.image-source must be bytes or s3-object, not '" + value + "'");
        };
    }
}
