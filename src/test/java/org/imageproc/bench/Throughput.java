package org.imageproc.bench;

import static org.imageproc.bench.MarkdownTable.num;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A set of outcomes as a user sees them: how many, how many SUCCEEDED, images per second from the first upload's
 * start to the last finishedAt, and the upload-to-finishedAt latency in ms.
 */
record Throughput(int images, long succeeded, double seconds, Stats latency) {

    static Throughput of(List<Outcome> outcomes) {
        Instant first = outcomes.stream().map(outcome -> outcome.upload().startedAt()).min(Comparator.naturalOrder())
                .orElseThrow();
        Instant last = outcomes.stream().map(Outcome::finishedAt).max(Comparator.naturalOrder()).orElseThrow();
        return new Throughput(outcomes.size(), outcomes.stream().filter(Outcome::succeeded).count(),
                Duration.between(first, last).toNanos() / 1e9,
                Stats.of(outcomes.stream().map(Outcome::latencyMs).toList()));
    }

    double perSecond() {
        return images / seconds;
    }

    /** A table for {@link #row}, with {@code first} as the heading of the first column. */
    static MarkdownTable table(String first) {
        return new MarkdownTable(first, "uploads", "SUCCEEDED", "img/s", "p50 ms", "p90 ms", "p99 ms", "max ms",
                "first upload to last finish, s");
    }

    /** Adds the outcomes' figures as a row; none, no row. */
    static void row(MarkdownTable table, String name, List<Outcome> outcomes) {
        row(table, name, outcomes, true);
    }

    /**
     * @param rate false for a part of the uploads sent among others (one kind of photo), whose images per second
     *             would say nothing
     */
    static void row(MarkdownTable table, String name, List<Outcome> outcomes, boolean rate) {
        if (outcomes.isEmpty()) {
            return;
        }
        Throughput t = of(outcomes);
        table.row(name, t.images(), t.succeeded(), rate ? num(t.perSecond(), 2) : "", num(t.latency().median(), 0),
                num(t.latency().percentile(90), 0), num(t.latency().percentile(99), 0), num(t.latency().max(), 0),
                rate ? num(t.seconds(), 1) : "");
    }
}
