package org.imageproc.bench;

import static org.imageproc.bench.MarkdownTable.num;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Issue #11's table from the figures of every part of bench/run.sh: each row measured, the issue's target beside it,
 * and whether it is met. A row whose part did not run says "not measured".
 *
 * <p>Arguments: the folder of the parts' {@code .properties} files, the Markdown output file.
 */
public final class IssueTable {

    private static final String NOT_MEASURED = "not measured";

    /** What a row shows and whether its target is met. */
    private record Row(String measured, boolean met) {
    }

    private final Figures figures;
    private final MarkdownTable table = new MarkdownTable("what", "measured", "target (issue #11)", "met");
    private int met;
    private int rows;

    private IssueTable(Figures figures) {
        this.figures = figures;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench");
        Path output = Path.of(args.length > 1 ? args[1] : "target/bench/summary.md");
        IssueTable issue = of(Figures.readAll(dir));
        new Report("Issue #11: every row, its target, whether it is met")
                .table(issue.table)
                .line("- **" + issue.met + " of " + issue.rows + " targets met.** Each row's part, with more figures,"
                        + " follows below.")
                .save(output);
    }

    /** The table of these figures. */
    static IssueTable of(Figures figures) {
        IssueTable issue = new IssueTable(figures);
        issue.rows();
        return issue;
    }

    String render() {
        return table.render();
    }

    /** How many rows meet their target. */
    int met() {
        return met;
    }

    private void rows() {
        ratio("per-image compute, 12 MP JPEG, 1 thread, ours / vipsthumbnail", "jpeg12mp");
        ratio("camera originals (2 progressive), ours / vips", "jpeg_native");
        row("102-upload burst, local labels, `-Xmx256m`", "0 failed, 0 OutOfMemoryError, >= 8 img/s", f -> {
            double failed = f.apply("labels.burst.failed");
            double oom = f.apply("labels.oom-lines");
            double rate = f.apply("labels.burst.img-per-s");
            return new Row(num(failed, 0) + " of " + num(f.apply("labels.burst.images"), 0) + " failed ("
                    + num(f.apply("labels.failed-deliveries"), 0) + " failed deliveries the queue retried, whole run), "
                    + num(oom, 0) + " OutOfMemoryError in the log, " + num(rate, 1) + " img/s, p50 "
                    + seconds(f.apply("labels.burst.p50-ms")), failed == 0 && oom == 0 && rate >= 8);
        });
        row("the same burst, labels off", ">= 14 img/s", f -> {
            double rate = f.apply("labels-off.burst.img-per-s");
            return new Row(num(rate, 1) + " img/s (" + num(f.apply("labels-off.burst.failed"), 0) + " failed)",
                    rate >= 14);
        });
        row("paced (idle service), local labels: p50 / p99 upload -> finishedAt", "<= 150 / 400 ms", f -> {
            double p50 = f.apply("labels.paced.p50-ms");
            double p99 = f.apply("labels.paced.p99-ms");
            return new Row(num(p50, 0) + " / " + num(p99, 0) + " ms", p50 <= 150 && p99 <= 400);
        });
        row("CPU per image, the service's JVM alone: paced, local labels, `aws` mode against a separate local stack"
                + " (the local Rekognition server and detector run in the stack's JVM, not counted)",
                "<= 150 ms for the service itself", f -> {
                    double service = f.apply("service-cpu.service-ms");
                    return new Row(num(service, 0) + " ms (stack JVM " + num(f.apply("service-cpu.stack-ms"), 0)
                            + " ms, its DynamoDB " + num(f.apply("service-cpu.dynamodb-ms"), 0)
                            + " ms; in local mode, detector and stack in the JVM: "
                            + num(f.apply("labels.paced.cpu-ms"), 0) + " ms)", service <= 150);
                });
        row("peak RSS, service with the local detector (sampled every second, and VmHWM)", "<= 600 MB", f -> {
            double peak = f.apply("labels.peak-rss-mb");
            return new Row(String.format("%,d MB", Math.round(peak)), peak <= 600);
        });
        row("start to ready (`/observe/health/ready` 200), local labels, fresh data dir", "<= 5 s, first run included",
                f -> {
                    double first = f.apply("first-start.ready-ms");
                    double warm = f.apply("labels.ready-ms");
                    return new Row("first run " + seconds(first) + ", second start " + seconds(warm)
                            + "; first image final at " + seconds(f.apply("first-start.first-image-ms")) + " / "
                            + seconds(f.apply("labels.first-image-ms")), Math.max(first, warm) <= 5000);
                });
        Optional<String> writes = figures.text("labels.dynamodb-writes");
        if (writes.isPresent() && writes.get().startsWith("n/a")) {
            add("DynamoDB writes per image (paced pass, local labels)", "<= 3", writes.get(), "–");
        } else {
            row("DynamoDB writes per image (paced pass, local labels)", "<= 3", f -> {
                double perImage = f.apply("labels.dynamodb-writes");
                return new Row(num(perImage, 2) + " (" + Management.DYNAMODB_REQUESTS + ")", perImage <= 3);
            });
        }
    }

    private void ratio(String what, String folder) {
        row(what, ">= 1.0", f -> {
            double ours = f.apply("compute." + folder + ".ours");
            double vips = f.apply("compute." + folder + ".vips");
            return new Row(num(ours / vips, 2) + " (" + num(ours, 1) + " vs " + num(vips, 1) + " img/s)",
                    ours / vips >= 1.0);
        });
    }

    /** A row from the figures; "not measured" when one it reads is missing. */
    private void row(String what, String target, Function<Function<String, Double>, Row> measure) {
        Row row;
        try {
            row = measure.apply(key -> figures.number(key).orElseThrow(() -> new MissingFigure(key)));
        } catch (MissingFigure missing) {
            add(what, target, NOT_MEASURED + " (" + missing.getMessage() + ")", "–");
            return;
        }
        met += row.met() ? 1 : 0;
        add(what, target, row.measured(), row.met() ? "yes" : "**no**");
    }

    private void add(String what, String target, String measured, String isMet) {
        rows++;
        table.row(what, measured, target, isMet);
    }

    private static String seconds(double millis) {
        return millis < 0 ? "never" : num(millis / 1000, 1) + " s";
    }

    /** A figure a row needs that no part wrote. */
    private static final class MissingFigure extends RuntimeException {

        MissingFigure(String key) {
            super("no " + key, null, false, false);
        }
    }
}
