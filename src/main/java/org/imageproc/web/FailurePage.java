package org.imageproc.web;

import java.util.List;

import org.imageproc.catalog.Page;
import org.imageproc.photo.FailedPhoto;

/** A page of failed photos, the latest failure first; {@code nextCursor} asks for the next one, null on the last. */
public record FailurePage(List<FailedPhoto> items, String nextCursor) {

    static FailurePage of(Page<FailedPhoto> page) {
        return new FailurePage(page.items(), page.nextCursor());
    }
}
