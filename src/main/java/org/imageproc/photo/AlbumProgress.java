package org.imageproc.photo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.imageproc.catalog.ImageCatalog;
import org.imageproc.catalog.Tables;
import org.imageproc.run.RunStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sums an album up from the server's state alone: its items, and the tickets it issued whose photo is not in the
 * album (still uploading, arrived but not started, failed before it was filed, or never arrived).
 */
public class AlbumProgress {

    /** A ticket whose photo never came is shown this long after it expired, then forgotten. */
    private static final Duration KEEP_MISSING = Duration.ofDays(1);

    private final PhotoCatalog photos;
    private final IssuedUploads issued;
    private final Clock clock;

    public AlbumProgress(PhotoCatalog photos, IssuedUploads issued, Clock clock) {
        this.photos = photos;
        this.issued = issued;
        this.clock = clock;
    }

    public AlbumSummary summary(String albumId) {
        Map<String, IssuedUpload> pending = issued.pending(albumId);
        List<PhotoState> filed = new ArrayList<>();
        Set<String> inAlbum = new HashSet<>();
        String cover = null;
        for (Map<String, AttributeValue> item : photos.albumItems(albumId).toList()) {
            inAlbum.add(item.get(Tables.IMAGE_ID).s());
            filed.add(state(item));
            cover = cover == null ? photos.thumbnailUrl(item) : cover;
        }
        Instant now = clock.instant();
        List<String> settled = new ArrayList<>();
        List<PhotoState> states = new ArrayList<>();
        for (IssuedUpload ticket : pending.values()) {
            if (inAlbum.contains(ticket.imageID()) || ticket.expiresAt().plus(KEEP_MISSING).isBefore(now)) {
                settled.add(ticket.imageID());
            } else {
                states.add(unfiled(ticket, now));
            }
        }
        if (!settled.isEmpty()) {
            issued.forget(albumId, settled);
        }
        states.addAll(filed);
        return new AlbumSummary(states.size(), count(states, RunStatus.SUCCEEDED.name()),
                count(states, RunStatus.FAILED.name()),
                count(states, RunStatus.RUNNING.name()) + count(states, "WAITING") + count(states, PhotoCatalog.UPLOADED),
                count(states, "UPLOADING"), count(states, "MISSING"), cover, states);
    }

    /** A ticket's photo outside the album: failed or running before it was filed, or not (yet) in the bucket. */
    private PhotoState unfiled(IssuedUpload ticket, Instant now) {
        Map<String, AttributeValue> item = photos.item(ticket.imageID());
        if (!item.isEmpty()) {
            PhotoState state = state(item);
            return new PhotoState(state.imageID(), ticket.fileName(), state.status(), state.cause(), state.version(),
                    state.job());
        }
        String status = photos.arrived(ticket.imageID()) ? PhotoCatalog.UPLOADED
                : now.isBefore(ticket.expiresAt()) ? "UPLOADING" : "MISSING";
        return new PhotoState(ticket.imageID(), ticket.fileName(), status,
                "MISSING".equals(status) ? "The upload never arrived: add the file again" : null, status, null);
    }

    private static PhotoState state(Map<String, AttributeValue> item) {
        String status = text(item, "status");
        boolean waiting = RunStatus.FAILED.is(status) && item.containsKey("retryable")
                && Boolean.TRUE.equals(item.get("retryable").bool())
                && !(item.containsKey("deadLetter") && Boolean.TRUE.equals(item.get("deadLetter").bool()));
        String cause = text(item, "cause") != null ? text(item, "cause") : text(item, "error");
        return new PhotoState(text(item, Tables.IMAGE_ID), text(item, "fileName"), waiting ? "WAITING" : status,
                cause, Integer.toHexString(ItemValues.plain(item).hashCode()), text(item, ImageCatalog.JOB));
    }

    private static int count(List<PhotoState> states, String status) {
        return (int) states.stream().filter(s -> status.equals(s.status())).count();
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
