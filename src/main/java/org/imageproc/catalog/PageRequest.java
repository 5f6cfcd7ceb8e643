package org.imageproc.catalog;

/** Which page of a list to read: at most {@code limit} items, after the page {@code cursor} ends (null: the first). */
public record PageRequest(int limit, String cursor) {

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }
}
