package org.imageproc.ingest;

import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.imageproc.run.ImageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.eventnotifications.s3.model.S3;
import software.amazon.awssdk.eventnotifications.s3.model.S3Bucket;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotificationRecord;
import software.amazon.awssdk.eventnotifications.s3.model.S3Object;

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
        return parse(body, null);
    }

    /**
     * As {@link #parse(String)}, each event naming {@code job}: the job whose request the service announced the object
     * for again (the message's {@link ImageEvent#JOB_ATTRIBUTE}); null for S3's own events.
     */
    @Handler
    public List<ImageEvent> parse(@Body String body, @Header(ImageEvent.JOB_ATTRIBUTE) String job) {
        String json = body == null ? "" : body;
        S3EventNotification notification;
        try {
            notification = S3EventNotification.fromJson(json);
        } catch (UncheckedIOException e) {
            LOG.warn("Ignoring an SQS message that is not JSON: {}", abbreviate(body));
            return List.of();
        } catch (IllegalArgumentException | DateTimeException e) {
            // the library gives up on the whole message at the first field of the wrong type: read record by record,
            // so that one broken record does not take the good ones with it
            return recordByRecord(json, body, job, e);
        }
        if (notification.getRecords() == null) {
            ignoreWithoutRecords(json, body);
            return List.of();
        }
        List<ImageEvent> events = new ArrayList<>();
        for (S3EventNotificationRecord record : notification.getRecords()) {
            toEvent(record, job, events);
        }
        return events;
    }

    private List<ImageEvent> recordByRecord(String json, String body, String job, RuntimeException wholeMessage) {
        JsonNode records;
        try {
            records = JSON.readTree(json).path("Records");
        } catch (JsonProcessingException e) {
            records = null;
        }
        if (records == null || !records.isArray() || records.size() < 2) {
            LOG.warn("Ignoring an SQS message that is not an S3 event{}: {}", reason(wholeMessage, json),
                    abbreviate(body));
            return List.of();
        }
        List<ImageEvent> events = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                for (S3EventNotificationRecord record : S3EventNotification.fromJson(
                        JSON.createObjectNode().set("Records", JSON.createArrayNode().add(records.get(i))).toString())
                        .getRecords()) {
                    toEvent(record, job, events);
                }
            } catch (IllegalArgumentException | DateTimeException e) {
                LOG.warn("Ignoring record {} of an SQS message: not an S3 event record{}: {}", i + 1,
                        reason(e, "{"), abbreviate(records.get(i).toString()));
            }
        }
        return events;
    }

    private static String reason(RuntimeException e, String json) {
        if (!json.strip().startsWith("{")) {
            return ""; // the library's message would blame Records for JSON that is no object at all
        }
        // the only whole number the library parses is an object's size, and it gives Long.parseLong's message
        return e instanceof NumberFormatException ? " (size is not a whole number)" : " (" + e.getMessage() + ")";
    }

    /** The library reads only Records, so S3's test event is told from the rest here. */
    private static void ignoreWithoutRecords(String json, String body) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            root = null;
        }
        if (root != null && "s3:TestEvent".equals(root.path("Event").asText())) {
            LOG.info("Ignoring S3's test event for bucket {}", root.path("Bucket").asText());
        } else {
            LOG.warn("Ignoring an SQS message without S3 Records: {}", abbreviate(body));
        }
    }

    private void toEvent(S3EventNotificationRecord record, String job, List<ImageEvent> events) {
        Optional<S3> s3 = Optional.ofNullable(record).map(S3EventNotificationRecord::getS3);
        String eventName = Optional.ofNullable(record).map(S3EventNotificationRecord::getEventName).orElse("");
        S3Object object = s3.map(S3::getObject).orElse(null);
        String rawKey = object == null ? "" : Objects.requireNonNullElse(object.getKey(), "");
        String eventBucket = s3.map(S3::getBucket).map(S3Bucket::getName).orElse("");
        if (!eventName.startsWith("ObjectCreated:") || rawKey.isEmpty() || eventBucket.isEmpty()) {
            LOG.warn("Ignoring S3 record {} for '{}' in '{}': not an object creation", eventName, rawKey, eventBucket);
            return;
        }
        // S3 encodes keys like an HTML form: '+' is a space, a real '+' arrives as %2B
        String key = object.getUrlDecodedKey();
        if (!key.startsWith(incomingPrefix) || key.length() == incomingPrefix.length()) {
            LOG.info("Ignoring s3://{}/{}: outside {}", eventBucket, key, incomingPrefix);
            return;
        }
        if (!bucket.equals(eventBucket)) {
            LOG.warn("Ignoring an event for s3://{}/{}: this service processes bucket {} only", eventBucket, key,
                    bucket);
            return;
        }
        String eTag = unquote(Objects.requireNonNullElse(object.getETag(), ""));
        if (eTag.isEmpty()) {
            LOG.warn("Ignoring an event for s3://{}/{} without an eTag: it cannot name one upload", eventBucket, key);
            return;
        }
        events.add(new ImageEvent(eventBucket, key, Objects.requireNonNullElse(object.getSizeAsLong(), -1L), eTag,
                Objects.requireNonNullElse(object.getSequencer(), ""), eventName,
                Objects.requireNonNullElseGet(record.getEventTime(), Instant::now), job));
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
