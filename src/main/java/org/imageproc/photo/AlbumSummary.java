package org.imageproc.photo;

import java.util.List;

/**
 * An album at a glance, polled by the app instead of each photo: counts by state, the cover (newest thumbnail) and
 * each upload's state, including uploads that never arrived.
 */
public record AlbumSummary(int total, int done, int failed, int processing, int uploading, int missing,
        String coverUrl, List<PhotoState> photos) {
}
