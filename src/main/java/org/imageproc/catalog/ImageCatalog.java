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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.imageproc.labels.DetectedLabels;
import org.imageproc.labels.Label;
import org.imageproc.labels.LabelInstance;
import org.imageproc.metadata.GeoLocation;
import org.imageproc.metadata.ImageMetadata;
import org.imageproc.run.Delivery;
import org.imageproc.run.Execution;
import org.imageproc.run.Failure;
import org.imageproc.run.FailureCode;
import org.imageproc.run.ImageEvent;
import org.imageproc.run.ImageRejectedException;
import org.imageproc.run.ObjectVersion;
import org.imageproc.run.RunStatus;
import org.imageproc.run.RunSupersededException;
import org.imageproc.run.StepRecord;
import org.imageproc.storage.CurrentObject;
import org.imageproc.storage.StoredImage;
import org.imageproc.thumbnail.StoredThumbnail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Writes each image's item in the ImageMetadata table: the run's status, every step, and the results. One run owns
 * the item at a time: a run claims it for the upload it read (ordered by {@link ObjectVersion}), and every later
 * write is conditional on the item still naming that run, so a superseded run can never overwrite a newer one.
 */
public class ImageCatalog {


    static final String EXECUTION_ID = "executionId";
    static final String OBJECT_VERSION = "objectVersion";
    /** True on an item whose event the queue gave up on: it is in the dead-letter queue, to be retried by hand. */
    public static final String DEAD_LETTER = "deadLetter";
    /** Epoch ms of the failure, only while the item is FAILED: the key of the failures index (Tables.FAILED_INDEX). */
    static final String FAILED_AT = "failedAt";
    /** The job whose run the item's run is (a reprocess, a backfill); kept from the claim on, for the job's count. */
    public static final String JOB = "job";
    /**
     * The job allowed to run the item's upload once more though it ended: set by an owner's reprocess request, and
     * gone with the claim that uses it (a claim replaces the item whole).
     */
    static final String REPROCESS = "reprocessJob";
    /** The longest thumbnail side the run that SUCCEEDED made its thumbnail for. */
    public static final String THUMBNAIL_MAX_SIZE = "thumbnailMaxSize";

    private static final Logger LOG = LoggerFactory.getLogger(ImageCatalog.class);
    // a claim that loses a race is looked at again; more rounds than this means uploads keep arriving
    private static final int CLAIM_ATTEMPTS = 3;
    private static final String CLAIMABLE = "attribute_not_exists(#id) OR attribute_not_exists(#version)"
            + " OR #version < :version OR (#version = :version AND (#status = :running OR #retryable = :true))";
    // a reprocess: only the job the owner asked for, for the upload the item describes
    private static final String REPROCESSABLE = " OR (#version = :version AND #etag = :etag AND #reprocess = :job)";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String incomingPrefix;
    private final CurrentObject objects;
    private final ItemBudget budget;
    private final Clock clock;

    public ImageCatalog(DynamoDbClient dynamoDb, String table, String incomingPrefix, CurrentObject objects,
            Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.incomingPrefix = incomingPrefix;
        this.objects = objects;
        this.budget = new ItemBudget();
        this.clock = clock;
    }

    /**
     * Starts a run for the object as read: a fresh RUNNING item owned by this run. Returns null when this upload
     * already reached a final state (a duplicate delivery changes nothing). Throws {@link RunSupersededException}
     * when a later upload of the key owns the item.
     *
     * @param steps the steps so far (reading the object), recorded with it
     */
    public Execution start(ImageEvent event, StoredImage image, Map<String, StepRecord> steps) {
        String imageId = imageId(event.key());
        Execution execution = new Execution(imageId, UUID.randomUUID().toString(), image.bucket(), event.key(),
                image.eTag(), ObjectVersion.of(event.sequencer()), clock.instant());
        Map<String, AttributeValue> item = newItem(execution, RunStatus.RUNNING);
        origin(item, image);
        item.put("steps", StepEntries.of(steps));
        putIfPresent(item, JOB, sOrNull(event.job()));
        if (!claim(execution, item, event.job())) {
            LOG.info("Skipping s3://{}/{} (ETag {}): this upload was already processed", event.bucket(), event.key(),
                    image.eTag());
            return null;
        }
        LOG.info("Started execution {} for s3://{}/{}", execution.executionId(), event.bucket(), event.key());
        return execution;
    }

    /**
     * Records a failure that happened before a run could start (the object is too large to read, or the last
     * delivery could not read it), as a FAILED item for this upload; {@code failedStep} is null when unknown. An
     * object that is gone (deleted, by its owner or in the bucket) has no item: its own upload's unfinished item is
     * removed and none is created, so that an event still queued for a deleted photo brings nothing back; another
     * upload's item stays (the event may be forged). False when nothing was written.
     */
    public boolean failBeforeStart(ImageEvent event, String bucket, String failedStep, Failure failure,
            boolean objectExists) {
        Execution execution = unstarted(event, bucket);
        Map<String, AttributeValue> item = failedItem(execution, failedStep, failure);
        boolean written = objectExists ? claim(execution, item, null) : removeForGoneObject(execution);
        if (!written) {
            LOG.info("Not recording {} for s3://{}/{}: the item already ended for this upload, or belongs to"
                    + " another", failure.error(), event.bucket(), event.key());
        }
        return written;
    }

    private Execution unstarted(ImageEvent event, String bucket) {
        return new Execution(imageId(event.key()), UUID.randomUUID().toString(), bucket, event.key(), event.eTag(),
                ObjectVersion.of(event.sequencer()), clock.instant());
    }

    /** The whole FAILED item of a run that never started. */
    private Map<String, AttributeValue> failedItem(Execution execution, String failedStep, Failure failure) {
        Map<String, AttributeValue> item = newItem(execution, RunStatus.FAILED);
        item.put("steps", AttributeValue.fromM(failedStep == null ? Map.of() : Map.of(failedStep, map(Map.of(
                "status", s(RunStatus.FAILED.name()), "startedAt", s(execution.startedAt().toString()),
                "error", s(failure.cause()))))));
        item.put("finishedAt", s(execution.startedAt().toString()));
        item.put(FAILED_AT, n(execution.startedAt().toEpochMilli()));
        putIfPresent(item, "failedStep", sOrNull(failedStep));
        item.put("error", s(failure.error()));
        item.put("cause", s(failure.cause()));
        item.put("retryable", bool(failure.retryable()));
        delivery(failure).forEach((name, value) -> putIfPresent(item, name, value));
        return item;
    }

    /**
     * The item's status while it still names this run, else null: the check around a write outside DynamoDB (the
     * thumbnail), which a run makes only while its item is RUNNING and takes away once it is FAILED.
     */
    public RunStatus ownStatus(Execution execution) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(key(execution.imageId()))
                .consistentRead(true).projectionExpression("#exec, #status")
                .expressionAttributeNames(Map.of("#exec", EXECUTION_ID, "#status", "status"))).item();
        AttributeValue owner = item == null ? null : item.get(EXECUTION_ID);
        if (owner == null || !execution.executionId().equals(owner.s()) || !item.containsKey("status")) {
            return null;
        }
        return RunStatus.valueOf(item.get("status").s());
    }

    /**
     * Whether the run lost its item to another run of the same upload (a later delivery of the same event, or the
     * dead-letter sweep) rather than to a newer upload: then that run, not this one, settles the event's message.
     * True as well when the item cannot be read now, so that the message stays and comes back.
     */
    public boolean ownedByAnotherDelivery(Execution execution) {
        if (execution == null) {
            return false;
        }
        try {
            return read(execution.imageId()).map(item -> execution.version().equals(text(item, OBJECT_VERSION))
                    && execution.eTag().equals(text(item, "eTag"))
                    && !execution.executionId().equals(text(item, EXECUTION_ID))).orElse(false);
        } catch (SdkException e) {
            return true;
        }
    }

    /**
     * Throws {@link RunSupersededException} unless the object is still the upload this run read: label detection
     * read it by key, so labels from any other bytes must not be stored (that upload's own run stores its own).
     */
    public void requireCurrent(Execution execution, Consumer<Execution> removeThumbnail) {
        if (objects.isCurrent(execution.key(), execution.eTag())) {
            return;
        }
        if (!objects.exists(execution.key())) {
            // deleted during the run (its item may have been deleted before this run claimed it): leave nothing
            removeThumbnail.accept(execution);
            removeOwn(execution);
            throw new RunSupersededException("The object " + execution.key() + " was deleted during the run");
        }
        throw new RunSupersededException("The object " + execution.key() + " was replaced during the run");
    }

    /**
     * Allows {@code job} one more run of the upload the item describes, if the item still describes {@code eTag}
     * and no run is under way; the version to announce the upload with, empty when the item is not so.
     */
    public Optional<String> allowReprocess(String imageId, String eTag, String job) {
        try {
            Map<String, AttributeValue> item = dynamoDb.updateItem(r -> r.tableName(table).key(key(imageId))
                    .updateExpression("SET #reprocess = :job")
                    .conditionExpression("#etag = :etag AND #status <> :running")
                    .expressionAttributeNames(Map.of("#reprocess", REPROCESS, "#etag", "eTag", "#status", "status"))
                    .expressionAttributeValues(Map.of(":job", s(job), ":etag", s(eTag),
                            ":running", s(RunStatus.RUNNING.name())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.ofNullable(text(item, OBJECT_VERSION));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /** One step's record on its own: only for a step after the run's final write, which carried the others. */
    public void stepFinished(Execution execution, StepRecord step) {
        update(execution, new ItemUpdate().setEntry("steps", step.step(), StepEntries.entry(step)));
    }

    /**
     * The metadata on the item, with the run's steps so far: {@code step} (the one storing) SUCCEEDED as of now, and
     * the steps {@code ahead} of it RUNNING, so that a watcher sees them while they run; their records come with the
     * run's final write.
     */
    public void storeMetadata(Execution execution, StoredImage image, ImageMetadata metadata,
            Map<String, StepRecord> steps, String step, List<String> ahead) {
        update(execution, metadata(origin(new ItemUpdate(), image), metadata).set("steps",
                StepEntries.ending(steps, step, RunStatus.SUCCEEDED, null, clock.instant(), ahead)));
    }

    private static ItemUpdate metadata(ItemUpdate update, ImageMetadata metadata) {
        return update
                .set("imageFormat", s(metadata.format().name()))
                .set("dimensions", metadata.width() == 0 ? null
                        : map(Map.of("width", n(metadata.width()), "height", n(metadata.height()))))
                .set("fileSize", n(metadata.fileSize()))
                .set("exifMake", sOrNull(metadata.exifMake()))
                .set("exifModel", sOrNull(metadata.exifModel()))
                .set("creationTime", sOrNull(metadata.creationTime()))
                .set("creationTimeOffset", sOrNull(metadata.creationTimeOffset()))
                .set("geo", geo(metadata.geo()))
                .set("orientation", nOrNull(metadata.orientation()))
                .set("sha256", s(metadata.sha256()));
    }

    /**
     * The run's final write, for the finish-execution route to send through its aws2-ddb endpoint: the labels,
     * thumbnail and warnings, the run SUCCEEDED, and {@code steps} whole with {@code step} (the finishing step)
     * SUCCEEDED too, timed up to this write, only while this run owns the item. Labels and warnings are trimmed,
     * with a warning saying so, when the item would outgrow DynamoDB's item size limit.
     */
    public AggregateWrite aggregate(Execution execution, ImageMetadata metadata, DetectedLabels labels,
            StoredThumbnail thumbnail, int thumbnailMaxSize, Map<String, StepRecord> steps, String step) {
        Instant finishedAt = clock.instant();
        List<String> warnings = new ArrayList<>(metadata.warnings());
        warnings.addAll(thumbnail.warnings());
        ItemBudget.Fitted fitted = budget.fit(labels.labels(), warnings);
        AttributeUpdates updates = new AttributeUpdates()
                .put("tags", strings(fitted.labels().stream().map(Label::name).toList()))
                .put("labels", AttributeValue.fromL(fitted.labels().stream().map(ImageCatalog::label).toList()))
                .put("labelModelVersion", sOrNull(labels.modelVersion()))
                .put("thumbnail", map(Map.of(
                        "s3Bucket", s(thumbnail.bucket()),
                        "s3Key", s(thumbnail.key()),
                        "width", n(thumbnail.width()),
                        "height", n(thumbnail.height()))))
                .put(THUMBNAIL_MAX_SIZE, n(thumbnailMaxSize))
                .put("warnings", fitted.warnings().isEmpty() ? null : strings(fitted.warnings()))
                .put("steps", StepEntries.ending(steps, step, RunStatus.SUCCEEDED, null, finishedAt, List.of()))
                .put("status", s(RunStatus.SUCCEEDED.name()))
                .put("finishedAt", s(finishedAt.toString()))
                .delete("error", "cause", "failedStep", "retryable", DEAD_LETTER, "deliveries", "attempts", FAILED_AT);
        return new AggregateWrite(key(execution.imageId()), updates.updates(),
                Map.of(EXECUTION_ID, ExpectedAttributeValue.builder().value(s(execution.executionId())).build()),
                new ImageSucceeded(execution.imageId(), execution.executionId(), execution.bucket(), execution.key(),
                        finishedAt.toString(), labels.tags(), thumbnail.key()));
    }

    /**
     * What a refused write of {@code execution} means: another run owns the item (the condition failed), or the item
     * would be too large, which retrying can never fix; any other refusal as it is.
     */
    public static RuntimeException refusal(Execution execution, DynamoDbException e) {
        if (e instanceof ConditionalCheckFailedException) {
            return new RunSupersededException("Another run of " + execution.key() + " owns the item now");
        }
        if (e.statusCode() == 400 && String.valueOf(e.getMessage()).contains("size has exceeded")) {
            return new ImageRejectedException(FailureCode.ITEM_TOO_LARGE,
                    "What was found in this image is more than a DynamoDB item can hold (400 KB)", e);
        }
        return e;
    }

    /**
     * Marks the run FAILED, with the metadata when it was read. A {@code retryable} failure (AWS unreachable,
     * throttled) leaves the SQS message to come back, and the next delivery starts the run again; the last delivery's
     * failure says so ({@code deadLetter}), and the item names how many deliveries and attempts were made. The
     * run's {@code steps} are written whole, {@code failedStep} FAILED as of now: the one write of a failure.
     */
    public void fail(Execution execution, StoredImage image, ImageMetadata metadata, String failedStep,
            Failure failure, Map<String, StepRecord> steps) {
        // with the album and upload time, a rejected photo still shows in its album's gallery
        ItemUpdate update = image == null ? new ItemUpdate() : origin(new ItemUpdate(), image);
        if (metadata != null) {
            // what the file is, even though it cannot be processed (a GIF says GIF, with its size and digest)
            metadata(update, metadata);
        }
        Instant finishedAt = clock.instant();
        update.set("steps", StepEntries.ending(steps, failedStep, RunStatus.FAILED, failure.cause(), finishedAt,
                        List.of()))
                .set("status", s(RunStatus.FAILED.name()))
                .set("finishedAt", s(finishedAt.toString()))
                .set(FAILED_AT, n(finishedAt.toEpochMilli()))
                .set("failedStep", sOrNull(failedStep))
                .set("error", s(failure.error()))
                .set("cause", s(failure.cause()))
                .set("retryable", bool(failure.retryable()))
                .remove("thumbnail");
        delivery(failure).forEach(update::set);
        update(execution, update);
    }

    /**
     * Once the queue gave up on an event (it is in the dead-letter queue), makes sure the item of its upload says so:
     * a run that never ended (the service stopped or crashed in it, or it hangs) is taken over, as a claim would,
     * and recorded FAILED, retryable, with {@code deadLetter}; a failure recorded before the last delivery gets
     * {@code deadLetter}; an upload that never got an item gets a FAILED one if it is still in the bucket. Each write
     * is conditional on the run and status it saw. An item of another upload, or one that SUCCEEDED or already says
     * so, is left alone. Returns the run that owns the FAILED item when this wrote (its thumbnail is to go).
     *
     * @param deliveries the queue's maxReceiveCount: how many deliveries it made before giving up
     */
    public Optional<Execution> deadLettered(ImageEvent event, int deliveries) {
        String imageId = imageId(event.key());
        Optional<Map<String, AttributeValue>> found = read(imageId);
        String gaveUp = "Gave up after " + deliveries + " deliveries: ";
        if (found.isEmpty()) {
            if (!objects.isCurrent(event.key(), event.eTag())) {
                return Optional.empty();
            }
            Execution execution = unstarted(event, event.bucket());
            Map<String, AttributeValue> failed = failedItem(execution, null, new Failure(
                    FailureCode.SERVICE_ERROR.code(), gaveUp + "processing never reached the catalog (the service may"
                    + " have stopped or crashed while reading the image)", true, new Delivery(deliveries, deliveries, 0)));
            // only where there still is no item: a run may have started since
            return put(failed, "attribute_not_exists(#id)", Map.of("#id", Tables.IMAGE_ID), null)
                    ? Optional.of(execution) : Optional.empty();
        }
        Map<String, AttributeValue> item = found.get();
        String status = text(item, "status");
        boolean sameUpload = ObjectVersion.of(event.sequencer()).equals(text(item, OBJECT_VERSION))
                && event.eTag().equals(text(item, "eTag"));
        boolean recorded = item.containsKey(DEAD_LETTER) && item.get(DEAD_LETTER).bool();
        if (!sameUpload || recorded || text(item, EXECUTION_ID) == null) {
            return Optional.empty();
        }
        Execution owner = execution(item);
        ItemUpdate update = new ItemUpdate().set(DEAD_LETTER, bool(true)).set("deliveries", n(deliveries));
        if (RunStatus.RUNNING.is(status)) {
            List<String> running = runningSteps(item);
            // progress is written at the claim, with the metadata and at the end: past the metadata, the steps ahead
            // all show RUNNING, and which of them the run was in is not known
            String step = running.size() == 1 ? running.get(0) : null;
            String where = running.isEmpty() ? "" : " (it was in " + oneOf(running) + ")";
            owner = new Execution(owner.imageId(), UUID.randomUUID().toString(), owner.bucket(), owner.key(),
                    owner.eTag(), owner.version(), clock.instant());
            update.set(EXECUTION_ID, s(owner.executionId())).set("status", s(RunStatus.FAILED.name()))
                    .set("retryable", bool(true)).set("finishedAt", s(clock.instant().toString()))
                    .set(FAILED_AT, n(clock.millis()))
                    .set("error", s(FailureCode.RUN_DID_NOT_FINISH.code()))
                    .set("failedStep", sOrNull(step))
                    .set("cause", s(gaveUp + "the run did not finish" + where
                            + "; the service may have stopped or crashed while processing it"))
                    .remove("thumbnail");
        } else if (RunStatus.FAILED.is(status) && item.containsKey("retryable") && item.get("retryable").bool()) {
            update.set("cause", s(gaveUp + text(item, "cause")));
        } else {
            return Optional.empty();
        }
        try {
            dynamoDb.updateItem(update.onlyIf(EXECUTION_ID, item.get(EXECUTION_ID)).onlyIf("status", s(status))
                    .toRequest(table, key(imageId)));
            return Optional.of(owner);
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /** The run an item names. */
    private Execution execution(Map<String, AttributeValue> item) {
        String startedAt = text(item, "startedAt");
        return new Execution(text(item, Tables.IMAGE_ID), text(item, EXECUTION_ID), text(item, "s3Bucket"),
                text(item, "s3key"), text(item, "eTag"), text(item, OBJECT_VERSION),
                startedAt == null ? clock.instant() : Instant.parse(startedAt));
    }

    /** "a", "a or b", "a, b or c". */
    private static String oneOf(List<String> names) {
        int last = names.size() - 1;
        return last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " or " + names.get(last);
    }

    /** The steps the item shows RUNNING, in the order they started (by name where they started together). */
    private static List<String> runningSteps(Map<String, AttributeValue> item) {
        AttributeValue steps = item.get("steps");
        if (steps == null || !steps.hasM()) {
            return List.of();
        }
        return steps.m().entrySet().stream()
                .filter(step -> step.getValue().hasM() && RunStatus.RUNNING.is(text(step.getValue().m(), "status")))
                .sorted(Comparator.comparing((Map.Entry<String, AttributeValue> step) ->
                                String.valueOf(text(step.getValue().m(), "startedAt")))
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
    }

    /** What the item says about the deliveries of a failure worth retrying. */
    private static Map<String, AttributeValue> delivery(Failure failure) {
        Delivery delivery = failure.delivery();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        if (delivery != null) {
            values.put("deliveries", delivery.receive() > 0 ? n(delivery.receive()) : null);
            values.put("attempts", delivery.attempts() > 0 ? n(delivery.attempts()) : null);
            values.put(DEAD_LETTER, delivery.last() ? bool(true) : null);
        }
        return values;
    }

    /** Who uploaded the image, into which album, when: the attributes the album index needs. */
    private static ItemUpdate origin(ItemUpdate update, StoredImage image) {
        return update
                .set("albumID", sOrNull(image.albumId()))
                .set("userID", sOrNull(image.userId()))
                .set("fileName", sOrNull(image.fileName()))
                .set("uploadTime", nOrNull(image.lastModified() == null ? null : image.lastModified().getEpochSecond()));
    }

    private static void origin(Map<String, AttributeValue> item, StoredImage image) {
        putIfPresent(item, "albumID", sOrNull(image.albumId()));
        putIfPresent(item, "userID", sOrNull(image.userId()));
        putIfPresent(item, "fileName", sOrNull(image.fileName()));
        putIfPresent(item, "uploadTime",
                nOrNull(image.lastModified() == null ? null : image.lastModified().getEpochSecond()));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, AttributeValue value) {
        if (value != null) {
            item.put(name, value);
        }
    }

    private Map<String, AttributeValue> newItem(Execution execution, RunStatus status) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(Tables.IMAGE_ID, s(execution.imageId()));
        item.put("s3key", s(execution.key()));
        item.put("s3Bucket", s(execution.bucket()));
        item.put("eTag", s(execution.eTag()));
        item.put(OBJECT_VERSION, s(execution.version()));
        item.put(EXECUTION_ID, s(execution.executionId()));
        item.put("status", s(status.name()));
        item.put("startedAt", s(execution.startedAt().toString()));
        return item;
    }

    /**
     * Puts the run's item if the upload it read is newer than the item's, or the same upload whose run did not end
     * (crashed, or failed for a reason worth retrying). False: this upload already ended. A claim that loses to a
     * newer version stands only if the object in the bucket is still the one this run read: the newer version the
     * item names is then gone (or its event was forged), and the item must describe the bucket.
     */
    private boolean claim(Execution execution, Map<String, AttributeValue> item, String job) {
        String condition = CLAIMABLE;
        Map<String, String> names = new LinkedHashMap<>(Map.of("#id", Tables.IMAGE_ID, "#version", OBJECT_VERSION,
                "#status", "status", "#retryable", "retryable"));
        Map<String, AttributeValue> values = new LinkedHashMap<>(Map.of(":version", s(execution.version()),
                ":running", s(RunStatus.RUNNING.name()), ":true", bool(true)));
        if (job != null) {
            condition += REPROCESSABLE;
            names.putAll(Map.of("#etag", "eTag", "#reprocess", REPROCESS));
            values.putAll(Map.of(":etag", s(execution.eTag()), ":job", s(job)));
        }
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            if (put(item, condition, names, values)) {
                return true;
            }
            Optional<Map<String, AttributeValue>> current = read(execution.imageId());
            if (current.isEmpty()) {
                continue;
            }
            Map<String, AttributeValue> owner = current.get();
            if (execution.eTag().equals(text(owner, "eTag"))) {
                // the same bytes: a duplicate delivery, or a later upload of identical bytes that owns the item
                return false;
            }
            if (!objects.isCurrent(execution.key(), execution.eTag())) {
                throw new RunSupersededException("A newer upload of " + execution.key() + " owns the item");
            }
            LOG.warn("The item of {} names version {} (ETag {}), which is no longer in the bucket; taking it over for"
                    + " the object there (ETag {})", execution.key(), text(owner, OBJECT_VERSION),
                    text(owner, "eTag"), execution.eTag());
            condition = "#exec = :owner";
            names = Map.of("#exec", EXECUTION_ID);
            values = Map.of(":owner", s(text(owner, EXECUTION_ID)));
        }
        throw new RunSupersededException("Uploads of " + execution.key() + " keep replacing each other");
    }

    /** An object that is gone takes its own upload's item with it, if that never ended; another's stays. */
    private boolean removeForGoneObject(Execution execution) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(table).key(key(execution.imageId()))
                    .conditionExpression("#etag = :etag AND (#status = :running OR #retryable = :true)")
                    .expressionAttributeNames(Map.of("#etag", "eTag", "#status", "status", "#retryable", "retryable"))
                    .expressionAttributeValues(Map.of(":etag", s(execution.eTag()),
                            ":running", s(RunStatus.RUNNING.name()), ":true", bool(true))));
            LOG.info("Removed the unfinished item of {}: the object is gone", execution.key());
        } catch (ConditionalCheckFailedException e) {
            LOG.info("Nothing to record for {}: the object is gone", execution.key());
        }
        return false;
    }

    /** Removes the item while this run owns it. */
    private void removeOwn(Execution execution) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(table).key(key(execution.imageId()))
                    .conditionExpression("#exec = :exec")
                    .expressionAttributeNames(Map.of("#exec", EXECUTION_ID))
                    .expressionAttributeValues(Map.of(":exec", s(execution.executionId()))));
        } catch (ConditionalCheckFailedException e) {
            // another run owns it, or it is gone already
        }
    }

    private boolean put(Map<String, AttributeValue> item, String condition, Map<String, String> names,
            Map<String, AttributeValue> values) {
        try {
            dynamoDb.putItem(PutItemRequest.builder().tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Optional<Map<String, AttributeValue>> read(String imageId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(key(imageId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private void update(Execution execution, ItemUpdate update) {
        try {
            dynamoDb.updateItem(update.onlyIf(EXECUTION_ID, s(execution.executionId()))
                    .toRequest(table, key(execution.imageId())));
        } catch (DynamoDbException e) {
            throw refusal(execution, e);
        }
    }

    private String imageId(String key) {
        return key.substring(incomingPrefix.length());
    }

    private static Map<String, AttributeValue> key(String imageId) {
        return Map.of(Tables.IMAGE_ID, s(imageId));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
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

    static AttributeValue label(Label label) {
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
