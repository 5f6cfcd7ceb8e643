package org.imageproc.backfill;

import java.util.function.LongSupplier;

/**
 * Keeps a backfill from flooding the queue: at most {@code rate} events a second, and none while more than
 * {@link #MAX_WAITING} messages wait on the queue (the service falls behind: the backfill waits for it).
 */
final class Pacer {

    static final long MAX_WAITING = 500;
    private static final int CHECK_QUEUE_EVERY = 50;
    private static final long QUEUE_POLL_MILLIS = 1000;

    private final long intervalNanos;
    private final LongSupplier waiting;
    private long next = System.nanoTime();
    private int sent;

    Pacer(double rate, LongSupplier waiting) {
        this.intervalNanos = (long) (1_000_000_000L / rate);
        this.waiting = waiting;
    }

    /** Returns when the next event may go. */
    void await() throws InterruptedException {
        if (++sent % CHECK_QUEUE_EVERY == 0) {
            while (waiting.getAsLong() > MAX_WAITING) {
                Thread.sleep(QUEUE_POLL_MILLIS);
                next = System.nanoTime();
            }
        }
        long now = System.nanoTime();
        if (next > now) {
            Thread.sleep((next - now) / 1_000_000L, (int) ((next - now) % 1_000_000L));
        }
        next = Math.max(next, now) + intervalNanos;
    }
}
