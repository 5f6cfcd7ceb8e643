package org.imageproc.bench;

import static org.imageproc.bench.MarkdownTable.num;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Whether the service's memory stays flat: the RSS samples after the warm-up, their quarters, highest value, and the
 * least-squares slope against time and against uploads finished, for the JVM, its children and both.
 */
final class RssTable {

    private RssTable() {
    }

    /**
     * @param warmup uploads of the warm-up: samples count once that many were final
     * @param peakJvmMb the JVM's VmHWM, @param peakChildrenMb its children's summed
     */
    static MarkdownTable of(List<RssSampler.Sample> samples, int warmup, long peakJvmMb, long peakChildrenMb) {
        List<RssSampler.Sample> after = samples.stream().filter(sample -> sample.finished() >= warmup).toList();
        MarkdownTable table = new MarkdownTable("RSS after the warm-up (" + after.size() + " samples, 1 s apart)",
                "service JVM", "its children (local DynamoDB)", "together");
        if (after.size() < 4) {
            return table.row("too few samples after the warm-up", "", "", "");
        }
        List<ToDoubleFunction<RssSampler.Sample>> columns = List.of(RssSampler.Sample::jvmMb,
                RssSampler.Sample::childrenMb, sample -> sample.jvmMb() + sample.childrenMb());
        int quarter = after.size() / 4;
        row(table, "first sample, MB", columns, c -> c.applyAsDouble(after.get(0)), 0);
        row(table, "median of the first quarter, MB", columns, c -> median(after.subList(0, quarter), c), 0);
        row(table, "median of the last quarter, MB", columns,
                c -> median(after.subList(after.size() - quarter, after.size()), c), 0);
        row(table, "highest sample, MB", columns, c -> after.stream().mapToDouble(c).max().orElseThrow(), 0);
        table.row("peak (VmHWM, whole run), MB", peakJvmMb, peakChildrenMb, "");
        row(table, "slope, MB per minute (least squares)", columns,
                c -> Trend.fit(after.stream().map(s -> new double[] {s.seconds() / 60, c.applyAsDouble(s)}).toList())
                        .slope(), 2);
        row(table, "slope, MB per 1,000 uploads final (least squares)", columns,
                c -> Trend.fit(after.stream().map(s -> new double[] {s.finished() / 1000.0, c.applyAsDouble(s)})
                        .toList()).slope(), 2);
        // the heap and the allocator's arenas fill during the first minutes: whether it levels off shows in the end
        List<RssSampler.Sample> lastHalf = after.subList(after.size() / 2, after.size());
        row(table, "slope over the last half, MB per minute", columns,
                c -> Trend.fit(lastHalf.stream().map(s -> new double[] {s.seconds() / 60, c.applyAsDouble(s)})
                        .toList()).slope(), 2);
        return table;
    }

    private static void row(MarkdownTable table, String label, List<ToDoubleFunction<RssSampler.Sample>> columns,
            ToDoubleFunction<ToDoubleFunction<RssSampler.Sample>> value, int decimals) {
        table.row(label, num(value.applyAsDouble(columns.get(0)), decimals),
                num(value.applyAsDouble(columns.get(1)), decimals), num(value.applyAsDouble(columns.get(2)), decimals));
    }

    private static double median(List<RssSampler.Sample> samples, ToDoubleFunction<RssSampler.Sample> column) {
        return Stats.of(samples.stream().map(column::applyAsDouble).toList()).median();
    }
}
