package org.imageproc.web;

import java.util.List;

import org.imageproc.album.Album;
import org.imageproc.catalog.Page;

/** A page of albums; {@code nextCursor} asks for the next one, null on the last. */
public record AlbumPage(List<Album> items, String nextCursor) {

    static AlbumPage of(Page<Album> page) {
        return new AlbumPage(page.items(), page.nextCursor());
    }
}
