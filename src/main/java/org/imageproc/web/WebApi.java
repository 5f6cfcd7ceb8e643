package org.imageproc.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.Header;
import org.imageproc.album.Album;
import org.imageproc.album.AlbumCatalog;
import org.imageproc.deadletter.DeadLetters;
import org.imageproc.photo.AlbumProgress;
import org.imageproc.photo.AlbumSummary;
import org.imageproc.photo.IssuedUploads;
import org.imageproc.photo.Photo;
import org.imageproc.photo.PhotoCatalog;
import org.imageproc.photo.UploadTicket;
import org.imageproc.photo.UploadTickets;
import org.imageproc.run.RunStatus;
import org.imageproc.search.PhotoSearch;

/**
 * What the REST API does, behind the demo identity: every call names its user in {@link #USER_HEADER}, and a user
 * sees and uploads to their own albums only.
 */
public class WebApi {

    public static final String USER_HEADER = "X-Demo-User";
    /** How long a retry waits for an event whose last delivery just failed to reach the dead-letter queue. */
    private static final Duration ARRIVING = Duration.ofSeconds(10);

    private final AlbumCatalog albums;
    private final PhotoCatalog photos;
    private final UploadTickets tickets;
    private final DeadLetters deadLetters;
    private final PhotoSearch search;
    private final Owners owners;
    private final IssuedUploads issued;
    private final AlbumProgress progress;

    public WebApi(AlbumCatalog albums, PhotoCatalog photos, UploadTickets tickets, DeadLetters deadLetters,
            PhotoSearch search, IssuedUploads issued, AlbumProgress progress) {
        this.albums = albums;
        this.photos = photos;
        this.tickets = tickets;
        this.deadLetters = deadLetters;
        this.search = search;
        this.owners = new Owners(albums, photos);
        this.issued = issued;
        this.progress = progress;
    }

    public AlbumPage albums(@Header(USER_HEADER) String user, @Header("limit") String limit,
            @Header("cursor") String cursor) {
        return AlbumPage.of(albums.list(Ids.user(user), Pagination.of(limit, cursor)));
    }

    public Album createAlbum(@Header(USER_HEADER) String user, NewAlbum album) {
        String userId = Ids.user(user);
        if (album == null) {
            throw ApiException.badRequest("Send {\"name\": \"...\"}");
        }
        return albums.create(userId, Ids.albumName(album.name()));
    }

    public PhotoPage photos(@Header(USER_HEADER) String user, @Header("owner") String owner,
            @Header("name") String name, @Header("limit") String limit, @Header("cursor") String cursor) {
        Album album = ownAlbum(user, owner, name);
        return PhotoPage.of(photos.album(album.albumID(), Pagination.of(limit, cursor)));
    }

    /** The user's photos with the label or a label under it, newest upload first. */
    public PhotoPage search(@Header(USER_HEADER) String user, @Header("label") String label,
            @Header("limit") String limit, @Header("cursor") String cursor) {
        String userId = Ids.user(user);
        return PhotoPage.of(search.search(userId, Ids.label(label), Pagination.of(limit, cursor)));
    }

    public LabelList labels(@Header(USER_HEADER) String user) {
        return new LabelList(search.labels(Ids.user(user)));
    }

    /** The album at a glance: what the app polls while uploads run, instead of each photo. */
    public AlbumSummary summary(@Header(USER_HEADER) String user, @Header("owner") String owner,
            @Header("name") String name) {
        return progress.summary(ownAlbum(user, owner, name).albumID());
    }

    public UploadTicket upload(@Header(USER_HEADER) String user, @Header("owner") String owner,
            @Header("name") String name, NewUpload upload) {
        Album album = ownAlbum(user, owner, name);
        String contentType = Ids.photoType(upload == null ? null : upload.contentType());
        String fileName = Ids.fileName(upload.fileName());
        UploadTicket ticket = tickets.issue(Ids.newImageId(fileName), contentType, album.userID(), album.albumID(),
                fileName);
        issued.record(album.albumID(), ticket.imageID(), fileName, Instant.parse(ticket.expiresAt()));
        return ticket;
    }

    public Photo photo(@Header(USER_HEADER) String user, @Header("id") String id) {
        return photos.find(owners.photo(user, id));
    }

    /**
     * Puts the photo's event back on the queue from the dead-letter queue, where the queue left it after its last
     * delivery failed; only a photo that FAILED for a reason worth retrying can be retried.
     */
    public Requeued retry(@Header(USER_HEADER) String user, @Header("id") String id) {
        Map<String, Object> item = photo(user, id).item();
        if (!RunStatus.FAILED.is(item.get("status")) || !Boolean.TRUE.equals(item.get("retryable"))) {
            throw ApiException.conflict("Only a photo whose processing failed for a reason worth retrying can be"
                    + " retried; this one is " + item.get("status")
                    + (RunStatus.FAILED.is(item.get("status")) ? ": " + item.get("cause") : ""));
        }
        String imageId = Ids.imageId(id);
        List<String> moved = deadLetters.redrive(imageId::equals,
                Boolean.TRUE.equals(item.get("deadLetter")) ? ARRIVING : Duration.ZERO);
        if (moved.isEmpty()) {
            throw ApiException.conflict("The photo's event is not in the dead-letter queue: the queue still delivers"
                    + " it by itself, or it was put back already; try again shortly if its processing does not start");
        }
        return Requeued.of(moved);
    }

    /** Puts back on the queue every event of the user's photos that waits in the dead-letter queue. */
    public Requeued redrive(@Header(USER_HEADER) String user) {
        String userId = Ids.user(user);
        return Requeued.of(deadLetters.redrive(imageId -> photos.owner(imageId)
                .map(owner -> userId.equals(owner.userID())).orElse(false)));
    }

    /** The ownership checks this API makes, for the other API beans. */
    Owners owners() {
        return owners;
    }

    private Album ownAlbum(String user, String owner, String name) {
        return owners.album(user, owner, name);
    }
}
