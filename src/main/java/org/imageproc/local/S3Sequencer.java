package org.imageproc.local;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Issues S3 event sequencers: fixed-width uppercase hex that grows with every event and, being clock based, across restarts. */
final class S3Sequencer {

    private final AtomicLong last = new AtomicLong();

    String next(Instant now) {
        long micros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000L);
        long value = last.updateAndGet(previous -> Math.max(previous + 1, micros));
        // fixed width, so that comparing two sequencers as strings orders them like S3's do
        return String.format("%016X", value);
    }
}
