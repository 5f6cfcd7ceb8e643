package org.imageproc.observe;

import java.util.Map;

/** What JMX shows of the whole pipeline: runs processed, succeeded and failed by reason, in flight, the last failure. */
public interface PipelineMXBean {

    /** Runs that reached SUCCEEDED or FAILED since start; a retried image counts once per attempt. */
    long getImagesProcessed();

    long getImagesSucceeded();

    long getImagesFailed();

    /** Failed runs by failure code. */
    Map<String, Long> getFailuresByReason();

    /** Deliveries of an upload that was already processed. */
    long getDuplicateDeliveries();

    /** Runs that stopped without writing because a newer upload of the key owned the item. */
    long getImagesSuperseded();

    int getInFlight();

    /** ISO-8601 time of the last failure, or empty. */
    String getLastFailureTime();

    String getLastFailureImage();

    String getLastFailureStep();

    String getLastFailureReason();

    String getLastFailureCause();
}
