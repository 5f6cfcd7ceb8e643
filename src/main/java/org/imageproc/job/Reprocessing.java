package org.imageproc.job;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.imageproc.catalog.ImageCatalog;
import org.imageproc.catalog.ItemReads;
import org.imageproc.catalog.Tables;
import org.imageproc.run.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reprocesses photos an owner asked for, as a job: each photo's item gets the job's mark (only if it describes the
 * object in the bucket and no run is under way), then its event goes on the queue, so the run takes the same flow and
 * the same claim as an upload, and a newer upload of the key still wins. Photos running already are left to their run.
 */
public class Reprocessing {

    public static final String ALBUM = "reprocess-album";
    public static final String PHOTO = "reprocess-photo";
    private static final Logger LOG = LoggerFactory.getLogger(Reprocessing.class);

    private final Jobs jobs;
    private final JobEvents events;
    private final ImageCatalog catalog;
    private final DynamoDbClient dynamoDb;
    private final StoredObjects objects;
    private final String imageTable;
    private final String incomingPrefix;
    private final boolean labels;
    private final int thumbnailMaxSize;

    /** @param labels whether runs detect labels; {@code thumbnailMaxSize} the size runs make thumbnails at */
    public Reprocessing(Jobs jobs, JobEvents events, ImageCatalog catalog, DynamoDbClient dynamoDb, S3Client s3,
            String bucket, String imageTable, String incomingPrefix, boolean labels, int thumbnailMaxSize) {
        this.jobs = jobs;
        this.events = events;
        this.catalog = catalog;
        this.dynamoDb = dynamoDb;
        this.objects = new StoredObjects(s3, bucket);
        this.imageTable = imageTable;
        this.incomingPrefix = incomingPrefix;
        this.labels = labels;
        this.thumbnailMaxSize = thumbnailMaxSize;
    }

    /** Queues the album's photos in {@code scope} for {@code owner}; the job, every photo queued. */
    public Job album(String owner, String albumId, Scope scope) {
        List<Map<String, AttributeValue>> items = Tables.newestFirst(dynamoDb, imageTable, Tables.ALBUM_INDEX,
                "albumID", albumId).toList();
        Staleness.Current current = new Staleness.Current(labels, Staleness.Current.newest(items.stream()
                .map(item -> ItemReads.text(item, "labelModelVersion")).toList()), thumbnailMaxSize);
        String jobId = jobs.create(ALBUM, owner);
        long queued = items.stream()
                .filter(item -> scope == Scope.ALL || Staleness.needsRun(state(item), current))
                .filter(item -> queue(jobId, item))
                .count();
        return finishQueueing(jobId, queued);
    }

    /**
     * Queues one photo; empty when a run of it is under way (it is processed already). A photo whose upload was not
     * processed yet is announced as S3 would.
     */
    public Optional<Job> photo(String owner, String imageId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(imageTable).consistentRead(true)
                .key(Map.of(Tables.IMAGE_ID, AttributeValue.fromS(imageId)))).item();
        if (item != null && RunStatus.RUNNING.is(ItemReads.text(item, "status"))) {
            return Optional.empty();
        }
        String jobId = jobs.create(PHOTO, owner);
        boolean queued = item == null || item.isEmpty() ? announceUnprocessed(jobId, imageId) : queue(jobId, item);
        return Optional.of(finishQueueing(jobId, queued ? 1 : 0));
    }

    private Job finishQueueing(String jobId, long queued) {
        jobs.queued(jobId, queued, null);
        jobs.queuedAll(jobId);
        LOG.info("Job {} queued {} photo(s) again", jobId, queued);
        return jobs.find(jobId).orElseThrow().job();
    }

    /** Marks and announces the photo, if its item still describes the object and no run is under way. */
    private boolean queue(String jobId, Map<String, AttributeValue> item) {
        String imageId = ItemReads.text(item, Tables.IMAGE_ID);
        if (RunStatus.RUNNING.is(ItemReads.text(item, "status"))) {
            return false;
        }
        return objects.head(incomingPrefix + imageId).flatMap(object -> catalog.allowReprocess(imageId,
                        object.eTag(), jobId).map(version -> {
                            events.announce(object.key(), object.size(), object.eTag(), version, jobId);
                            return true;
                        }))
                .orElse(false);
    }

    private boolean announceUnprocessed(String jobId, String imageId) {
        return objects.head(incomingPrefix + imageId).map(object -> {
            events.announce(object.key(), object.size(), object.eTag(), "", jobId);
            return true;
        }).orElse(false);
    }

    private static Staleness.ItemState state(Map<String, AttributeValue> item) {
        AttributeValue size = item.get(ImageCatalog.THUMBNAIL_MAX_SIZE);
        return new Staleness.ItemState(ItemReads.text(item, "status"), item.containsKey("thumbnail"),
                ItemReads.text(item, "labelModelVersion"), size == null ? null : Integer.valueOf(size.n()));
    }
}
