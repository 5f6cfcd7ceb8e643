package org.imageproc.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Sends uploads in a closed loop: at most {@code window} of them not final at any time, the next one as soon as one
 * is final, so the service works at its own pace with a steady backlog and the latency is not a queue of the whole
 * run. Keeps every upload it sent and every outcome it saw, also when it stops early.
 */
final class UploadWindow {

    private final S3Client s3;
    private final String bucket;
    private final ImageItems items;
    private final int window;
    private final Duration pollEvery;
    private final Duration stallTimeout;
    private final List<Upload> sent = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final AtomicInteger finished = new AtomicInteger();

    /** @param stallTimeout how long with no upload becoming final before giving up */
    UploadWindow(S3Client s3, String bucket, ImageItems items, int window, Duration pollEvery, Duration stallTimeout) {
        this.s3 = s3;
        this.bucket = bucket;
        this.items = items;
        this.window = window;
        this.pollEvery = pollEvery;
        this.stallTimeout = stallTimeout;
    }

    /**
     * Uploads {@code count} photos of the mix under {@code Incoming/<prefix>-<n>-<name>} and waits until each item is
     * final.
     *
     * @throws IllegalStateException when a watched process exits
     * @throws TimeoutException when no item became final for the stall timeout
     */
    void run(String prefix, int count, PhotoMix photos) throws IOException, InterruptedException, TimeoutException {
        Map<String, Upload> pending = new LinkedHashMap<>();
        int next = 0;
        Instant lastProgress = Instant.now();
        while (next < count || !pending.isEmpty()) {
            while (next < count && pending.size() < window) {
                Upload upload = upload(prefix, next++, photos);
                sent.add(upload);
                pending.put(upload.imageId(), upload);
            }
            items.requireAlive(pending.size());
            List<Outcome> done = items.collectFinal(pending);
            outcomes.addAll(done);
            finished.addAndGet(done.size());
            if (!done.isEmpty()) {
                lastProgress = Instant.now();
            } else if (Duration.between(lastProgress, Instant.now()).compareTo(stallTimeout) > 0) {
                throw new TimeoutException("No upload became final for " + stallTimeout + "; " + pending.size()
                        + " pending, e.g. " + pending.keySet().iterator().next());
            }
            if (!pending.isEmpty()) {
                Thread.sleep(pollEvery.toMillis());
            }
        }
    }

    private Upload upload(String prefix, int index, PhotoMix photos) throws IOException {
        PhotoMix.Photo photo = photos.photo(index);
        String imageId = String.format(Locale.ROOT, "%s-%05d-%s", prefix, index, photo.name());
        Instant start = Instant.now();
        s3.putObject(request -> request.bucket(bucket).key("Incoming/" + imageId), RequestBody.fromBytes(photo.bytes()));
        return new Upload(imageId, photo.kind(), start);
    }

    /** Every upload sent so far, in order. */
    List<Upload> sent() {
        return sent;
    }

    /** The outcomes seen so far, in the order they were seen final. */
    List<Outcome> outcomes() {
        return outcomes;
    }

    /** How many uploads are final so far; read by the RSS sampler's thread. */
    int finished() {
        return finished.get();
    }
}
