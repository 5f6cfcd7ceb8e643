package org.imageproc.local;

import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

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

    static DetectLabelsRequest parse(JsonNode json) {
        JsonNode image = json.path("Image");
        JsonNode bytes = image.path("Bytes");
        JsonNode s3 = image.path("S3Object");
        if (bytes.isMissingNode() == s3.isMissingNode()) {
            throw invalid("Image must have exactly one of Bytes and S3Object");
        }
        int maxLabels = maxLabels(json.path("MaxLabels"));
        double minConfidence = minConfidence(json.path("MinConfidence"));
        if (!bytes.isMissingNode()) {
            return new DetectLabelsRequest(decode(bytes), null, null, maxLabels, minConfidence);
        }
        String bucket = s3.path("Bucket").asText("");
        String key = s3.path("Name").asText("");
        if (bucket.isEmpty() || key.isEmpty()) {
            throw invalid("Image.S3Object needs a Bucket and a Name");
        }
        return new DetectLabelsRequest(null, bucket, key, maxLabels, minConfidence);
    }

    private static byte[] decode(JsonNode bytes) {
        try {
            return Base64.getDecoder().decode(bytes.asText());
        } catch (IllegalArgumentException e) {
            throw invalid("Image.Bytes is not base64: " + e.getMessage());
        }
    }

    private static int maxLabels(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return DEFAULT_MAX_LABELS;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
            throw invalid("MaxLabels must be a whole number of at least 0, not " + value);
        }
        return value.intValue();
    }

    private static double minConfidence(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return DEFAULT_MIN_CONFIDENCE;
        }
        if (!value.isNumber() || value.doubleValue() < 0 || value.doubleValue() > 100) {
            throw invalid("MinConfidence must be a number from 0 to 100, not " + value);
        }
        return value.doubleValue();
    }

    private static RekognitionError invalid(String message) {
        return new RekognitionError(RekognitionError.INVALID_PARAMETER, message);
    }
}
