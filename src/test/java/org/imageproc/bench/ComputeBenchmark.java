package org.imageproc.bench;

import static org.imageproc.bench.MarkdownTable.num;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part 1 of the benchmarks: the per-image compute (read, metadata, check, upright thumbnail) on one thread over each
 * corpus folder, against {@code vipsthumbnail} on the same files, rounds of both interleaved in the same run.
 *
 * <p>Arguments: corpus folder, Markdown output file. Properties: {@code bench.rounds} (7), {@code bench.warmup} (3).
 */
public final class ComputeBenchmark {

    private ComputeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/bench/corpus");
        Path output = Path.of(args.length > 1 ? args[1] : "target/bench/compute.md");
        int rounds = Integer.getInteger("bench.rounds", 7);
        int warmups = Integer.getInteger("bench.warmup", 3);
        List<CorpusFolder> folders = CorpusFolder.list(corpus);
        PerImageWork work = new PerImageWork();
        VipsThumbnail vips = new VipsThumbnail(Files.createTempDirectory("vipsthumbnail-"));

        for (int i = 0; i < warmups; i++) {
            for (CorpusFolder folder : folders) {
                ourRound(work, folder, new LinkedHashMap<>());
                vips.run(folder.files());
            }
        }
        long gcCountBefore = gcCount();
        long gcMillisBefore = gcMillis();
        long start = System.nanoTime();

        MarkdownTable table = new MarkdownTable("folder", "images", "ours img/s", "median ms/img", "p90 ms/img",
                "vips img/s", "ours / vips", "slowest image (median ms)");
        Figures figures = new Figures();
        double oursSeconds = 0;
        double vipsSeconds = 0;
        int images = 0;
        for (CorpusFolder folder : folders) {
            Map<Path, List<Double>> perImageMs = new LinkedHashMap<>();
            double[] ourRounds = new double[rounds];
            double[] vipsRounds = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ourRounds[r] = ourRound(work, folder, perImageMs);
                vipsRounds[r] = vips.run(folder.files());
            }
            int n = folder.files().size();
            double ours = Stats.of(ourRounds).median();
            double theirs = Stats.of(vipsRounds).median();
            Stats perImage = Stats.of(perImageMs.values().stream().flatMap(List::stream).toList());
            table.row(folder.name(), n, num(n / ours, 1), num(perImage.median(), 1), num(perImage.percentile(90), 1),
                    num(n / theirs, 1), num(theirs / ours, 2), slowest(perImageMs));
            figures.put("compute." + folder.name() + ".ours", n / ours).put("compute." + folder.name() + ".vips",
                    n / theirs);
            oursSeconds += ours;
            vipsSeconds += theirs;
            images += n;
        }
        table.row("**all**", images, num(images / oursSeconds, 1), "", "", num(images / vipsSeconds, 1),
                num(vipsSeconds / oursSeconds, 2), "");

        double measuredMillis = (System.nanoTime() - start) / 1e6;
        long gcMillis = gcMillis() - gcMillisBefore;
        new Report("Per-image compute (single thread)")
                .line("- " + rounds + " measured rounds per folder after " + warmups + " warm-up rounds over the corpus;"
                        + " img/s from the median round, ms/img over every image of every round")
                .line("- heap limit " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB; GC while measuring: "
                        + (gcCount() - gcCountBefore) + " collections, " + gcMillis + " ms ("
                        + num(100 * gcMillis / measuredMillis, 1) + " % of the time)")
                .line("- reference: `VIPS_CONCURRENCY=1 vipsthumbnail -s 250x250` (" + VipsThumbnail.version()
                        + "), one process per folder and round, process start included")
                .table(table)
                .save(output);
        figures.save(Figures.beside(output));
    }

    /** One pass over a folder; adds each image's time to {@code perImageMs} and returns the pass's seconds. */
    private static double ourRound(PerImageWork work, CorpusFolder folder, Map<Path, List<Double>> perImageMs)
            throws Exception {
        long roundStart = System.nanoTime();
        for (Path file : folder.files()) {
            long start = System.nanoTime();
            work.process(file);
            perImageMs.computeIfAbsent(file, f -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
        }
        return (System.nanoTime() - roundStart) / 1e9;
    }

    private static String slowest(Map<Path, List<Double>> perImageMs) {
        Map.Entry<Path, Double> slowest = perImageMs.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), Stats.of(e.getValue()).median()))
                .max(Comparator.comparingDouble(Map.Entry::getValue)).orElseThrow();
        return slowest.getKey().getFileName() + " (" + num(slowest.getValue(), 0) + ")";
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
