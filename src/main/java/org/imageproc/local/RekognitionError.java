package org.imageproc.local;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A DetectLabels refusal with Rekognition's error type, answered as HTTP 400 with {@code __type} and Message. */
final class RekognitionError extends RuntimeException {

    static final String INVALID_PARAMETER = "InvalidParameterException";
    static final String INVALID_IMAGE_FORMAT = "InvalidImageFormatException";
    static final String INVALID_S3_OBJECT = "InvalidS3ObjectException";
    static final String IMAGE_TOO_LARGE = "ImageTooLargeException";
    static final String SERIALIZATION = "SerializationException";
    static final String UNKNOWN_OPERATION = "UnknownOperationException";

    private final String type;

    RekognitionError(String type, String message) {
        super(message);
        this.type = type;
    }

    String type() {
        return type;
    }

    Body body() {
        return new Body(type, getMessage());
    }

    /** An AWS JSON 1.1 error body, which the SDK maps to its exception class by {@code __type}. */
    record Body(@JsonProperty("__type") String type, String message) {
    }
}
