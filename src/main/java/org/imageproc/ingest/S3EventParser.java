package org.imageproc.ingest;

import org.imageproc.run.ImageEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns an SQS message body holding an S3 event notification into the image events the pipeline processes. */
public class S3EventParser {

    private static final Logger LOG = LoggerFactory.getLogger(S3EventParser.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bucket;
    private final String incomingPrefix;

    /** @param bucket the one bucket the service processes; events for any other are logged and dropped */
    public S3EventParser(String bucket, String incomingPrefix) {
        this.bucket = bucket;
        this.incomingPrefix = incomingPrefix;
    }

    /**
     * The ObjectCreated records of the configured bucket under the incoming prefix; empty for S3's test event, other
     * event types, other buckets, other keys, records without an ETag and messages that are not S3 events at all
     * (each logged once, so the message can be deleted).
     */
    public List<ImageEvent> parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            LOG.warn("Ignoring an SQS message that is not JSON: {}", abbreviate(body));
            return List.of();
        }
        if (root == null || !root.isObject()) {
            LOG.warn("Ignoring an SQS message that is not an S3 event: {}", abbreviate(body));
            return List.of();
        }
        if ("s3:TestEvent".equals(root.path("Event").asText())) {
            LOG.info("Ignoring S3's test event for bucket {}", root.path("Bucket").asText());
            return List.of();
        }
        JsonNode records = root.path("Records");
        if (!records.isArray()) {
            LOG.warn("Ignoring an SQS message without S3 Records: {}", abbreviate(body));
            return List.of();
        }
        List<ImageEvent> events = new ArrayList<>();
        for (JsonNode record : records) {
            toEvent(record, body, events);
        }
        return events;
    }

    private void toEvent(JsonNode record, String body, List<ImageEvent> events) {
        String eventName = record.path("eventName").asText("");
        JsonNode s3 = record.path("s3");
        String rawKey = s3.path("object").path("key").asText("");
        String eventBucket = s3.path("bucket").path("name").asText("");
        if (!eventName.startsWith("ObjectCreated:") || rawKey.isEmpty() || eventBucket.isEmpty()) {
            LOG.warn("Ignoring S3 record {} for '{}' in '{}': not an object creation", eventName, rawKey, eventBucket);
            return;
        }
        // S3 encodes keys like an HTML form: '+' is a space, a real '+' arrives as %2B
        String key = URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
        if (!key.startsWith(incomingPrefix) || key.length() == incomingPrefix.length()) {
            LOG.info("Ignoring s3://{}/{}: outside {}", eventBucket, key, incomingPrefix);
            return;
        }
        if (!bucket.equals(eventBucket)) {
            LOG.warn("Ignoring an event for s3://{}/{}: this service processes bucket {} only", eventBucket, key,
                    bucket);
            return;
        }
        JsonNode object = s3.path("object");
        String eTag = unquote(object.path("eTag").asText(""));
        if (eTag.isEmpty()) {
            LOG.warn("Ignoring an event for s3://{}/{} without an eTag: it cannot name one upload", eventBucket, key);
            return;
        }
        events.add(new ImageEvent(eventBucket, key, object.path("size").asLong(-1), eTag,
                object.path("sequencer").asText(""), eventName, eventTime(record.path("eventTime").asText(null), body)));
    }

    private static Instant eventTime(String value, String body) {
        try {
            return value == null ? Instant.now() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            LOG.warn("S3 event with an unreadable eventTime '{}', using now: {}", value, abbreviate(body));
            return Instant.now();
        }
    }

    private static String unquote(String eTag) {
        return eTag.replace("\"", "");
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "<empty>";
        }
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
