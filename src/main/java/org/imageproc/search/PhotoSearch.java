package org.imageproc.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.imageproc.catalog.LabelIndex;
import org.imageproc.catalog.Page;
import org.imageproc.catalog.PageRequest;
import org.imageproc.photo.Photo;
import org.imageproc.photo.PhotoCatalog;
import org.imageproc.run.RunStatus;

/**
 * Search by content: a user's photos under a label or a parent of it, newest upload first, from the label index.
 * Each hit is checked against the photo's item as it is now (the user's, SUCCEEDED, and still with that label), so
 * an entry the index has not caught up on yet is never shown; one the item no longer backs is taken away. A page can
 * therefore hold fewer photos than asked for, and its cursor still leads on.
 */
public class PhotoSearch {

    private final LabelIndex index;
    private final PhotoCatalog photos;

    public PhotoSearch(LabelIndex index, PhotoCatalog photos) {
        this.index = index;
        this.photos = photos;
    }

    public Page<Photo> search(String userId, String label, PageRequest request) {
        Page<LabelIndex.Entry> entries = index.photos(userId, label, request);
        Map<String, Photo> found = photos.photos(entries.items().stream().map(LabelIndex.Entry::imageID).toList());
        List<Photo> hits = new ArrayList<>();
        for (LabelIndex.Entry entry : entries.items()) {
            Photo photo = found.get(entry.imageID());
            if (photo != null && holds(photo.item(), userId, label)) {
                hits.add(photo);
            } else if (photo == null || isFinal(photo.item())) {
                // a photo in processing gets its entries from its run
                index.forget(entry);
            }
        }
        return new Page<>(hits, entries.nextCursor());
    }

    /** The user's labels with how many photos each has, most first, for suggestions. */
    public List<LabelIndex.UserLabel> labels(String userId) {
        return index.labels(userId);
    }

    private static boolean holds(Map<String, Object> item, String userId, String label) {
        String wanted = LabelIndex.normalized(label);
        if (!userId.equals(item.get("userID")) || !RunStatus.SUCCEEDED.is(item.get("status"))
                || !(item.get("labels") instanceof List<?> labels)) {
            return false;
        }
        return labels.stream().filter(Map.class::isInstance).map(Map.class::cast).anyMatch(found ->
                wanted.equals(LabelIndex.normalized(String.valueOf(found.get("name"))))
                        || found.get("parents") instanceof List<?> parents && parents.stream()
                                .anyMatch(parent -> wanted.equals(LabelIndex.normalized(String.valueOf(parent)))));
    }

    private static boolean isFinal(Map<String, Object> item) {
        return RunStatus.SUCCEEDED.is(item.get("status")) || RunStatus.FAILED.is(item.get("status"));
    }
}
