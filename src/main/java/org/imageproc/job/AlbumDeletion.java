package org.imageproc.job;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

import org.imageproc.album.AlbumCatalog;
import org.imageproc.catalog.Tables;
import org.imageproc.photo.PhotoRemoval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Deletes an album as a job: each photo removed and counted, then the album itself, on a thread of its own so the
 * request answers at once. The album goes last: a deletion cut short (the service stopped) is finished by asking again.
 * Uploads still arriving for it are caught twice over: a run that claimed its item before the album's item went is
 * found by listing the album again after, and a later one finds the album gone (StartExecution).
 */
public class AlbumDeletion {

    public static final String KIND = "delete-album";
    private static final Logger LOG = LoggerFactory.getLogger(AlbumDeletion.class);
    /** DynamoDB's album index follows its table within about a second; the last listing waits that long. */
    private static final Duration INDEX_LAG = Duration.ofSeconds(1);

    private final Jobs jobs;
    private final PhotoRemoval removal;
    private final AlbumCatalog albums;
    private final DynamoDbClient dynamoDb;
    private final String imageTable;
    private final Executor executor;

    public AlbumDeletion(Jobs jobs, PhotoRemoval removal, AlbumCatalog albums, DynamoDbClient dynamoDb,
            String imageTable, Executor executor) {
        this.jobs = jobs;
        this.removal = removal;
        this.albums = albums;
        this.dynamoDb = dynamoDb;
        this.imageTable = imageTable;
        this.executor = executor;
    }

    /** Starts deleting the album's photos and then the album; the job, with every photo to delete counted in. */
    public Job delete(String owner, String albumId) {
        List<String> photos = list(albumId);
        String jobId = jobs.create(KIND, owner);
        jobs.queued(jobId, photos.size(), null);
        Job job = jobs.find(jobId).orElseThrow().job();
        executor.execute(() -> run(jobId, albumId, photos));
        return job;
    }

    private List<String> list(String albumId) {
        return Tables.newestFirst(dynamoDb, imageTable, Tables.ALBUM_INDEX, "albumID", albumId)
                .map(item -> item.get(Tables.IMAGE_ID).s()).toList();
    }

    private void run(String jobId, String albumId, List<String> photos) {
        try {
            for (String imageId : photos) {
                removal.remove(imageId);
                jobs.count(jobId, imageId, Outcome.DONE);
            }
            albums.delete(albumId);
            Thread.sleep(INDEX_LAG.toMillis());
            List<String> late = list(albumId);
            late.forEach(removal::remove);
            jobs.queuedAll(jobId);
            LOG.info("Deleted the album {} and its {} photo(s) (job {}){}", albumId, photos.size(), jobId,
                    late.isEmpty() ? "" : ", and " + late.size() + " photo(s) uploaded while it was being deleted");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Deleting the album {} stopped (job {}); delete it again to finish", albumId, jobId);
        } catch (SdkException e) {
            LOG.warn("Deleting the album {} stopped (job {}); delete it again to finish: {}", albumId, jobId,
                    e.getMessage());
        }
    }
}
