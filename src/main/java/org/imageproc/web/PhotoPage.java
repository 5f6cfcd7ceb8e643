package org.imageproc.web;

import java.util.List;

import org.imageproc.catalog.Page;
import org.imageproc.photo.Photo;

/** A page of photos; {@code nextCursor} asks for the next one, null on the last. */
public record PhotoPage(List<Photo> items, String nextCursor) {

    static PhotoPage of(Page<Photo> page) {
        return new PhotoPage(page.items(), page.nextCursor());
    }
}
