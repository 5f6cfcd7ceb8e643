package org.imageproc.web;

import java.util.List;

/** What a retry or redrive put back on the queue: the image ids whose events wait there again. */
public record Requeued(int requeued, List<String> imageIDs) {

    static Requeued of(List<String> imageIds) {
        return new Requeued(imageIds.size(), List.copyOf(imageIds));
    }
}
