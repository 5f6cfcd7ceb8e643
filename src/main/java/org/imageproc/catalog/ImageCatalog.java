package org.imageproc.catalog;

import static org.imageproc.catalog.AttributeValues.bool;
import static org.imageproc.catalog.AttributeValues.map;
import static org.imageproc.catalog.AttributeValues.n;
import static org.imageproc.catalog.AttributeValues.nOrNull;
import static org.imageproc.catalog.AttributeValues.s;
import static org.imageproc.catalog.AttributeValues.sOrNull;
import static org.imageproc.catalog.AttributeValues.strings;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.imageproc.ingest.ImageEvent;
import org.imageproc.labels.DetectedLabels;
import org.imageproc.labels.Label;
import org.imageproc.labels.LabelInstance;
import org.imageproc.metadata.GeoLocation;
import org.imageproc.metadata.ImageMetadata;
import org.imageproc.pipeline.Execution;
import org.imageproc.storage.StoredImage;
import org.imageproc.thumbnail.StoredThumbnail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Writes each image's item in the ImageMetadata table: the run's status, every step, and the results. */
public class ImageCatalog {

    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";

    private static final Logger LOG = LoggerFactory.getLogger(ImageCatalog.class);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String incomingPrefix;
    private final Clock clock;

    public ImageCatalog(DynamoDbClient dynamoDb, String table, String incomingPrefix, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.incomingPrefix = incomingPrefix;
        this.clock = clock;
    }

    /**
     * Starts a run: a fresh RUNNING item. Returns null when this very upload (same key and ETag) already reached a
     * final state, so a duplicate delivery changes nothing; a new upload of the key, or a run that failed for a
     * reason worth retrying, starts again.
     */
    public Execution start(ImageEvent event) {
        String imageId = event.key().substring(incomingPrefix.length());
        Execution execution = new Execution(imageId, UUID.randomUUID().toString(), event.bucket(), event.key(),
                event.eTag(), clock.instant());
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(Tables.IMAGE_ID, s(imageId));
        item.put("s3key", s(event.key()));
        item.put("s3Bucket", s(event.bucket()));
        item.put("eTag", s(event.eTag()));
        item.put("executionId", s(execution.executionId()));
        item.put("status", s(RUNNING));
        item.put("startedAt", s(execution.startedAt().toString()));
        item.put("steps", AttributeValue.fromM(Map.of()));
        try {
            dynamoDb.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#id) OR #etag <> :etag OR #status = :running"
                            + " OR #retryable = :true")
                    .expressionAttributeNames(Map.of("#id", Tables.IMAGE_ID, "#etag", "eTag", "#status", "status",
                            "#retryable", "retryable"))
                    .expressionAttributeValues(Map.of(":etag", s(event.eTag()), ":running", s(RUNNING),
                            ":true", bool(true)))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            LOG.info("Skipping s3://{}/{} (ETag {}): this upload was already processed", event.bucket(), event.key(),
                    event.eTag());
            return null;
        }
        LOG.info("Started execution {} for s3://{}/{}", execution.executionId(), event.bucket(), event.key());
        return execution;
    }

    public void stepStarted(Execution execution, String step, Instant at) {
        update(execution, new ItemUpdate().setEntry("steps", step, map(Map.of(
                "status", s(RUNNING),
                "startedAt", s(at.toString())))));
    }

    public void stepFinished(Execution execution, String step, Instant startedAt, String status, long durationMs,
            String error) {
        Map<String, AttributeValue> entry = new LinkedHashMap<>();
        entry.put("status", s(status));
        entry.put("startedAt", s(startedAt.toString()));
        entry.put("durationMs", n(durationMs));
        entry.put("error", sOrNull(error));
        update(execution, new ItemUpdate().setEntry("steps", step, map(entry)));
    }

    public void storeMetadata(Execution execution, StoredImage image, ImageMetadata metadata) {
        ItemUpdate update = origin(new ItemUpdate(), image)
                .set("imageFormat", s(metadata.format().name()))
                .set("dimensions", map(Map.of("width", n(metadata.width()), "height", n(metadata.height()))))
                .set("fileSize", n(metadata.fileSize()))
                .set("exifMake", sOrNull(metadata.exifMake()))
                .set("exifModel", sOrNull(metadata.exifModel()))
                .set("creationTime", sOrNull(metadata.creationTime()))
                .set("creationTimeOffset", sOrNull(metadata.creationTimeOffset()))
                .set("geo", geo(metadata.geo()))
                .set("orientation", nOrNull(metadata.orientation()))
                .set("sha256", s(metadata.sha256()));
        update(execution, update);
    }

    /** Marks the run SUCCEEDED and returns what it produced, for the routes that act on a success. */
    public ImageSucceeded finish(Execution execution, ImageMetadata metadata, DetectedLabels labels,
            StoredThumbnail thumbnail) {
        Instant finishedAt = clock.instant();
        List<String> warnings = new ArrayList<>(metadata.warnings());
        warnings.addAll(thumbnail.warnings());
        ItemUpdate update = new ItemUpdate()
                .set("tags", strings(labels.tags()))
                .set("labels", AttributeValue.fromL(labels.labels().stream().map(ImageCatalog::label).toList()))
                .set("labelModelVersion", sOrNull(labels.modelVersion()))
                .set("thumbnail", map(Map.of(
                        "s3Bucket", s(thumbnail.bucket()),
                        "s3Key", s(thumbnail.key()),
                        "width", n(thumbnail.width()),
                        "height", n(thumbnail.height()))))
                .set("warnings", warnings.isEmpty() ? null : strings(warnings))
                .set("status", s(SUCCEEDED))
                .set("finishedAt", s(finishedAt.toString()))
                .remove("error").remove("cause").remove("failedStep").remove("retryable");
        update(execution, update);
        LOG.info("Execution {} for {} SUCCEEDED", execution.executionId(), execution.key());
        return new ImageSucceeded(execution.imageId(), execution.executionId(), execution.bucket(), execution.key(),
                finishedAt.toString(), labels.tags(), thumbnail.key());
    }

    /**
     * Marks the run FAILED. A {@code retryable} failure (AWS unreachable, throttled) leaves the SQS message to come
     * back, and the next delivery starts the run again.
     */
    public void fail(Execution execution, StoredImage image, String failedStep, String error, String cause,
            boolean retryable) {
        // with the album and upload time, a rejected photo still shows in its album's gallery
        ItemUpdate update = image == null ? new ItemUpdate() : origin(new ItemUpdate(), image);
        if (failedStep != null) {
            // the step's own record (with its duration) follows; until then a watcher must not see it still RUNNING
            update.setEntry("steps", failedStep, map(Map.of("status", s(FAILED), "error", s(cause))));
        }
        update(execution, update
                .set("status", s(FAILED))
                .set("finishedAt", s(clock.instant().toString()))
                .set("failedStep", sOrNull(failedStep))
                .set("error", s(error))
                .set("cause", s(cause))
                .set("retryable", bool(retryable)));
        LOG.warn("Execution {} for {} FAILED in {}: {} ({})", execution.executionId(), execution.key(), failedStep,
                cause, error);
    }

    /** Who uploaded the image, into which album, when: the attributes the album index needs. */
    private static ItemUpdate origin(ItemUpdate update, StoredImage image) {
        return update
                .set("albumID", sOrNull(image.albumId()))
                .set("userID", sOrNull(image.userId()))
                .set("uploadTime", nOrNull(image.lastModified() == null ? null : image.lastModified().getEpochSecond()));
    }

    private void update(Execution execution, ItemUpdate update) {
        dynamoDb.updateItem(update.toRequest(table, Map.of(Tables.IMAGE_ID, s(execution.imageId()))));
    }

    private static AttributeValue geo(GeoLocation geo) {
        if (geo == null) {
            return null;
        }
        Map<String, AttributeValue> entries = new LinkedHashMap<>();
        entries.put("latitude", n(geo.latitude()));
        entries.put("longitude", n(geo.longitude()));
        entries.put("altitude", nOrNull(geo.altitude()));
        return map(entries);
    }

    private static AttributeValue label(Label label) {
        return map(Map.of(
                "name", s(label.name()),
                "confidence", n(label.confidence()),
                "parents", strings(label.parents()),
                "instances", AttributeValue.fromL(label.instances().stream().map(ImageCatalog::instance).toList())));
    }

    private static AttributeValue instance(LabelInstance box) {
        return map(Map.of(
                "left", n(box.left()), "top", n(box.top()),
                "width", n(box.width()), "height", n(box.height()),
                "confidence", n(box.confidence())));
    }
}
