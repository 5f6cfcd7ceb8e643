package org.imageproc.backfill;

import java.io.PrintStream;
import java.util.Locale;

/** One line redrawn in place on the terminal: a bar, the count out of the total, and what the numbers are. */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final String label;
    private long drawnAt;

    ProgressBar(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    /** Redraws the line, at most five times a second unless {@code force}. */
    void show(long count, long total, String detail, boolean force) {
        long now = System.nanoTime();
        if (!force && now - drawnAt < REDRAW_NANOS) {
            return;
        }
        drawnAt = now;
        int filled = total == 0 ? WIDTH : (int) Math.min(WIDTH, count * WIDTH / total);
        out.print(String.format(Locale.ROOT, "\r%-10s [%s%s] %d/%d %s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), count, total, detail));
        out.flush();
    }

    void end() {
        out.println();
    }
}
