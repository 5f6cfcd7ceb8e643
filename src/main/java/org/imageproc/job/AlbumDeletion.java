package org.imageproc.job;

import java.util.List;
import java.util.concurrent.ExecutorService;

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
 */
public class AlbumDeletion {

    public static final String KIND = "delete-album";
    private static final Logger LOG = LoggerFactory.getLogger(AlbumDeletion.class);

    private final Jobs jobs;
    private final PhotoRemoval removal;
    private final AlbumCatalog albums;
    private final DynamoDbClient dynamoDb;
    private final String imageTable;
    private final ExecutorService executor;

    public AlbumDeletion(Jobs jobs, PhotoRemoval removal, AlbumCatalog albums, DynamoDbClient dynamoDb,
            String imageTable, ExecutorService executor) {
        this.jobs = jobs;
        this.removal = removal;
        this.albums = albums;
        this.dynamoDb = dynamoDb;
        this.imageTable = imageTable;
        this.executor = executor;
    }

    /** Starts deleting the album's photos and then the album; the job, with every photo to delete counted in. */
    public Job delete(String owner, String albumId) {
        List<String> photos = Tables.newestFirst(dynamoDb, imageTable, Tables.ALBUM_INDEX, "albumID", albumId)
                .map(item -> item.get(Tables.IMAGE_ID).s()).toList();
        String jobId = jobs.create(KIND, owner);
        jobs.queued(jobId, photos.size(), null);
        Job job = jobs.find(jobId).orElseThrow().job();
        executor.execute(() -> run(jobId, albumId, photos));
        return job;
    }

    private void run(String jobId, String albumId, List<String> photos) {
        try {
            for (String imageId : photos) {
                removal.remove(imageId);
                jobs.count(jobId, imageId, Outcome.DONE);
            }
            albums.delete(albumId);
            jobs.queuedAll(jobId);
            LOG.info("Deleted the album {} and its {} photo(s) (job {})", albumId, photos.size(), jobId);
        } catch (SdkException e) {
            LOG.warn("Deleting the album {} stopped (job {}); delete it again to finish: {}", albumId, jobId,
                    e.getMessage());
        }
    }
}
