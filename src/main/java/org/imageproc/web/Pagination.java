package org.imageproc.web;

import org.imageproc.catalog.PageRequest;

/** Reads {@code ?limit=} and {@code ?cursor=} of a list: 50 items a page unless asked, 100 at most. */
final class Pagination {

    static final int DEFAULT_LIMIT = 50;
    /** At most what one BatchGetItem reads, which a search page needs to check its hits. */
    static final int MAX_LIMIT = 100;
    private static final int MAX_CURSOR = 2048;

    private Pagination() {
    }

    static PageRequest of(String limit, String cursor) {
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                size = 0;
            }
            if (size < 1 || size > MAX_LIMIT) {
                throw ApiException.badRequest("limit is how many items a page holds: a whole number from 1 to "
                        + MAX_LIMIT);
            }
        }
        if (cursor != null && cursor.length() > MAX_CURSOR) {
            throw ApiException.badRequest("This page link (cursor) is not one this list handed out");
        }
        return new PageRequest(size, cursor == null || cursor.isBlank() ? null : cursor.trim());
    }
}
