package org.imageproc.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Header;
import org.imageproc.catalog.Page;
import org.imageproc.catalog.PageRequest;
import org.imageproc.deadletter.DeadLetters;
import org.imageproc.photo.FailedPhoto;
import org.imageproc.photo.Photo;
import org.imageproc.photo.PhotoCatalog;
import org.imageproc.photo.PhotoOwner;
import org.imageproc.run.RunStatus;

/**
 * The user's failed photos: listed from the failures index, and retried by moving their events back from the
 * dead-letter queue, saying for each photo that was not requeued why.
 */
public class FailureRetries {

    /** How many photos one retry names at most. */
    static final int MAX_IDS = 1000;
    /** How long a retry waits for an event whose last delivery just failed to reach the dead-letter queue. */
    private static final Duration ARRIVING = Duration.ofSeconds(10);

    private final PhotoCatalog photos;
    private final DeadLetters deadLetters;

    public FailureRetries(PhotoCatalog photos, DeadLetters deadLetters) {
        this.photos = photos;
        this.deadLetters = deadLetters;
    }

    public FailurePage list(@Header(WebApi.USER_HEADER) String user, @Header("limit") String limit,
            @Header("cursor") String cursor) {
        return FailurePage.of(photos.failures(Ids.user(user), Pagination.of(limit, cursor)));
    }

    /** Retries the named photos, or all the user's failed ones when none are named. */
    public Retried retry(@Header(WebApi.USER_HEADER) String user, RetryRequest request) {
        String userId = Ids.user(user);
        boolean all = request == null || request.imageIDs() == null;
        List<String> ids = all ? allFailures(userId) : named(userId, request.imageIDs());
        List<Retried.NotRequeued> notRequeued = new ArrayList<>();
        Set<String> retryable = new LinkedHashSet<>();
        boolean arriving = false;
        Map<String, Photo> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += Pagination.MAX_LIMIT) {
            found.putAll(photos.photos(ids.subList(from, Math.min(ids.size(), from + Pagination.MAX_LIMIT))));
        }
        for (String id : ids) {
            Map<String, Object> item = found.containsKey(id) ? found.get(id).item() : Map.of();
            String why = whyNot(item);
            if (why != null) {
                notRequeued.add(new Retried.NotRequeued(id, why));
            } else {
                retryable.add(id);
                arriving |= Boolean.TRUE.equals(item.get("deadLetter"));
            }
        }
        List<String> moved = retryable.isEmpty() && !all ? List.of()
                : deadLetters.redrive(id -> retryable.contains(id) || all && owns(userId, id),
                        arriving ? ARRIVING : Duration.ZERO);
        retryable.stream().filter(id -> !moved.contains(id)).forEach(id -> notRequeued.add(new Retried.NotRequeued(id,
                "Its event is not in the dead-letter queue: the queue still delivers it by itself, or it was put"
                        + " back already; its processing starts again shortly")));
        return new Retried(List.copyOf(new LinkedHashSet<>(moved)), notRequeued);
    }

    /** Why a photo's item cannot be retried, in words; null when it can. */
    private static String whyNot(Map<String, Object> item) {
        Object status = item.get("status");
        if (status == null) {
            return "No such photo, or its processing has not started yet";
        }
        if (!RunStatus.FAILED.is(status)) {
            return "It did not fail: it is " + status;
        }
        if (!Boolean.TRUE.equals(item.get("retryable"))) {
            return "It failed for a reason a retry cannot fix (" + item.get("cause") + "); upload the file again";
        }
        return null;
    }

    private List<String> allFailures(String userId) {
        List<String> ids = new ArrayList<>();
        PageRequest request = PageRequest.first(Pagination.MAX_LIMIT);
        do {
            Page<FailedPhoto> page = photos.failures(userId, request);
            page.items().forEach(failed -> ids.add(failed.imageID()));
            request = page.nextCursor() == null || ids.size() >= MAX_IDS ? null
                    : new PageRequest(Pagination.MAX_LIMIT, page.nextCursor());
        } while (request != null);
        return ids;
    }

    /** The named photos, once each; 403 when one is someone else's. */
    private List<String> named(String userId, List<String> imageIds) {
        if (imageIds.isEmpty() || imageIds.size() > MAX_IDS) {
            throw ApiException.badRequest("Name 1 to " + MAX_IDS + " photos in imageIDs, or leave imageIDs out to"
                    + " retry all your failed photos");
        }
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(imageIds.stream().map(Ids::imageId).toList()));
        for (String id : ids) {
            photos.owner(id).filter(owner -> !userId.equals(owner.userID())).ifPresent(owner -> {
                throw ApiException.forbidden("Photo " + id + " belongs to someone else");
            });
        }
        return ids;
    }

    /** Whether the photo is the user's, by its item or its upload: also one that failed before it had an item. */
    private boolean owns(String userId, String imageId) {
        return photos.owner(imageId).map(PhotoOwner::userID).map(userId::equals).orElse(false);
    }
}
