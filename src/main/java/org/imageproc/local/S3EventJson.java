package org.imageproc.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes the S3 event notification message that Amazon S3 sends to an SQS queue for one created object. */
final class S3EventJson {

    static final String CONFIGURATION_ID = "local-incoming-images";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String region;
    private final String principalId;

    S3EventJson(String region, String principalId) {
        this.region = region;
        this.principalId = principalId;
    }

    String toJson(CreatedObject object, Instant time, String sequencer) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode record = root.putArray("Records").addObject();
        record.put("eventVersion", "2.1")
                .put("eventSource", "aws:s3")
                .put("awsRegion", region)
                .put("eventTime", EVENT_TIME.format(time))
                .put("eventName", object.eventName());
        record.putObject("userIdentity").put("principalId", principalId);
        // every client of the local stack connects over loopback
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        record.putObject("responseElements")
                .put("x-amz-request-id", HexFormat.of().withUpperCase().formatHex(randomBytes(8)))
                .put("x-amz-id-2", Base64.getEncoder().encodeToString(randomBytes(48)));
        ObjectNode s3 = record.putObject("s3")
                .put("s3SchemaVersion", "1.0")
                .put("configurationId", CONFIGURATION_ID);
        ObjectNode bucket = s3.putObject("bucket").put("name", object.bucket());
        bucket.putObject("ownerIdentity").put("principalId", principalId);
        bucket.put("arn", "arn:aws:s3:::" + object.bucket());
        s3.putObject("object")
                .put("key", encodeKey(object.key()))
                .put("size", object.size())
                .put("eTag", object.eTag())
                .put("sequencer", sequencer);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an S3 event for " + object.key(), e);
        }
    }

    /** S3 encodes event keys like an HTML form (a space becomes '+', a '+' becomes %2B) but leaves '/' as it is. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
