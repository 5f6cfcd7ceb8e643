package org.imageproc.local;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A DetectLabels request's parameters, checked as Rekognition checks them.
 *
 * @param bytes  the image sent inline, or null when it is to be read from S3
 * @param bucket with {@code key}, the S3 object to read when {@code bytes} is null
 */
record DetectLabelsRequest(byte[] bytes, String bucket, String key, int maxLabels, double minConfidence) {

    /** Rekognition's defaults when a request leaves them out. */
    static final int DEFAULT_MAX_LABELS = 1000;
    static final double DEFAULT_MIN_CONFIDENCE = 55;

    /** The request body as Rekognition names its fields; numbers of any kind, so that a wrong one can be named. */
    record Body(Image image, Number maxLabels, Number minConfidence) {
    }

    record Image(byte[] bytes, S3Object s3Object) {
    }

    record S3Object(String bucket, String name) {
    }

    static DetectLabelsRequest read(InputStream json) throws IOException {
        Body body;
        try {
            body = RekognitionJson.MAPPER.readValue(json, Body.class);
        } catch (MismatchedInputException e) {
            throw wrongType(e);
        } catch (JsonProcessingException e) {
            throw new RekognitionError(RekognitionError.SERIALIZATION, "The request body is not JSON");
        }
        return of(body == null ? new Body(null, null, null) : body);
    }

    private static DetectLabelsRequest of(Body body) {
        Image image = body.image() == null ? new Image(null, null) : body.image();
        if ((image.bytes() == null) == (image.s3Object() == null)) {
            throw invalid("Image must have exactly one of Bytes and S3Object");
        }
        int maxLabels = maxLabels(body.maxLabels());
        double minConfidence = minConfidence(body.minConfidence());
        if (image.bytes() != null) {
            return new DetectLabelsRequest(image.bytes(), null, null, maxLabels, minConfidence);
        }
        String bucket = Objects.requireNonNullElse(image.s3Object().bucket(), "");
        String key = Objects.requireNonNullElse(image.s3Object().name(), "");
        if (bucket.isEmpty() || key.isEmpty()) {
            throw invalid("Image.S3Object needs a Bucket and a Name");
        }
        return new DetectLabelsRequest(null, bucket, key, maxLabels, minConfidence);
    }

    private static int maxLabels(Number value) {
        if (value == null) {
            return DEFAULT_MAX_LABELS;
        }
        // Jackson reads a whole number within int's range as an Integer, anything else as another Number
        if (!(value instanceof Integer whole) || whole < 0) {
            throw invalid("MaxLabels must be a whole number of at least 0, not " + value);
        }
        return whole;
    }

    private static double minConfidence(Number value) {
        if (value == null) {
            return DEFAULT_MIN_CONFIDENCE;
        }
        if (value.doubleValue() < 0 || value.doubleValue() > 100) {
            throw invalid("MinConfidence must be a number from 0 to 100, not " + value);
        }
        return value.doubleValue();
    }

    private static RekognitionError wrongType(MismatchedInputException e) {
        String field = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(Objects::nonNull).collect(Collectors.joining("."));
        return switch (field) {
            case "" -> invalid("The request body must be a JSON object");
            case "Image.Bytes" -> invalid("Image.Bytes is not base64");
            default -> invalid(field + " has the wrong type");
        };
    }

    private static RekognitionError invalid(String message) {
        return new RekognitionError(RekognitionError.INVALID_PARAMETER, message);
    }
}
