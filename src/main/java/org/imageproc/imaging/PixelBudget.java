package org.imageproc.imaging;

import java.util.Locale;
import java.util.concurrent.Semaphore;

/**
 * Bounds the memory images take while they are decoded: a decode first claims its pixels from a fixed budget and
 * waits while other decodes hold too much of it. A claim larger than the whole budget takes all of it, so such an
 * image still runs, alone.
 */
public final class PixelBudget {

    /** The most a decoded pixel takes (ARGB or RGB in an int); the budget's unit. */
    public static final int BYTES_PER_PIXEL = 4;
    /** The share of the heap decodes may hold at once when no budget is configured. */
    private static final int HEAP_SHARE = 4;

    private final int pixels;
    private final Semaphore available;

    public PixelBudget(long pixels) {
        if (pixels <= 0) {
            throw new IllegalArgumentException("A pixel budget must be positive: " + pixels);
        }
        this.pixels = (int) Math.min(Integer.MAX_VALUE, pixels);
        // fair: a large claim is not overtaken forever by small ones
        this.available = new Semaphore(this.pixels, true);
    }

    /** A quarter of the heap's limit ({@code Runtime.maxMemory()}), in pixels of {@link #BYTES_PER_PIXEL} bytes. */
    public static PixelBudget ofHeap(long maxHeapBytes) {
        return new PixelBudget(maxHeapBytes / HEAP_SHARE / BYTES_PER_PIXEL);
    }

    /** A budget that never makes a decode wait. */
    public static PixelBudget unlimited() {
        return new PixelBudget(Integer.MAX_VALUE);
    }

    public int pixels() {
        return pixels;
    }

    /** What the budget has left now. */
    public int available() {
        return available.availablePermits();
    }

    /** Waits until {@code count} pixels (at most the whole budget) are free and holds them until the claim closes. */
    public Claim claim(long count) {
        int permits = (int) Math.max(1, Math.min(pixels, count));
        try {
            available.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for memory to decode an image", e);
        }
        return new Claim(permits);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d pixels (%d MB)", pixels, (long) pixels * BYTES_PER_PIXEL >> 20);
    }

    /** Pixels held from the budget; closing gives them back, once. */
    public final class Claim implements AutoCloseable {

        private int held;

        private Claim(int held) {
            this.held = held;
        }

        @Override
        public void close() {
            available.release(held);
            held = 0;
        }
    }
}
