package org.imageproc.web;

import java.util.List;

/** What a retry of failures did: the photos whose events wait on the queue again, and why the others do not. */
public record Retried(List<String> requeued, List<NotRequeued> notRequeued) {

    /** A photo that was not put back on the queue, and why, in words. */
    public record NotRequeued(String imageID, String reason) {
    }
}
