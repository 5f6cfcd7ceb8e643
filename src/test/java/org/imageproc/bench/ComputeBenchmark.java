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

import org.imageproc.imaging.WorkingImage;

/**
 * Part 1 of the benchmarks: the per-image compute of the service's steps (read, metadata, check, decode-image,
 * make-thumbnail) on one thread over each corpus folder, against {@code vipsthumbnail} on the same files, rounds of
 * both interleaved in the same run. The working image is decoded for the thumbnail and the label rendition, as the
 * service does; the label rendition's JPEG encode is timed apart, since vipsthumbnail makes no such thing.
 *
 * <p>Arguments: corpus folder, Markdown output file. Properties: {@code bench.rounds} (7), {@code bench.warmup} (3),
 * {@code bench.label-size} (832, the service's imageproc.labels.image-size; 0 as with labels off).
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
        PerImageWork work = new PerImageWork(Integer.getInteger("bench.label-size", 832));
        VipsThumbnail vips = new VipsThumbnail(Files.createTempDirectory("vipsthumbnail-"));

        for (int i = 0; i < warmups; i++) {
            for (CorpusFolder folder : folders) {
                ourRound(work, folder, new LinkedHashMap<>(), new ArrayList<>(), new double[1], 0);
                vips.run(folder.files());
            }
        }
        long gcCountBefore = gcCount();
        long gcMillisBefore = gcMillis();
        long start = System.nanoTime();

        MarkdownTable table = new MarkdownTable("folder", "images", "ours img/s", "median ms/img", "p90 ms/img",
                "vips img/s", "ours / vips", "slowest image (median ms)", "label rendition median ms",
                "ours / vips, CPU time");
        Figures figures = new Figures();
        double oursSeconds = 0;
        double vipsSeconds = 0;
        int images = 0;
        for (CorpusFolder folder : folders) {
            Map<Path, List<Double>> perImageMs = new LinkedHashMap<>();
            List<Double> labelMs = new ArrayList<>();
            double[] ourRounds = new double[rounds];
            double[] vipsRounds = new double[rounds];
            double[] ourCpu = new double[rounds];
            double[] vipsCpu = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ourRounds[r] = ourRound(work, folder, perImageMs, labelMs, ourCpu, r);
                long children = CpuClock.childrenNanos();
                vipsRounds[r] = vips.run(folder.files());
                vipsCpu[r] = (CpuClock.childrenNanos() - children) / 1e9;
            }
            int n = folder.files().size();
            double ours = Stats.of(ourRounds).median();
            double theirs = Stats.of(vipsRounds).median();
            Stats perImage = Stats.of(perImageMs.values().stream().flatMap(List::stream).toList());
            table.row(folder.name(), n, num(n / ours, 1), num(perImage.median(), 1), num(perImage.percentile(90), 1),
                    num(n / theirs, 1), num(theirs / ours, 2), slowest(perImageMs),
                    labelMs.isEmpty() ? "none" : num(Stats.of(labelMs).median(), 1),
                    num(Stats.of(vipsCpu).median() / Stats.of(ourCpu).median(), 2));
            figures.put("compute." + folder.name() + ".ours", n / ours).put("compute." + folder.name() + ".vips",
                    n / theirs);
            oursSeconds += ours;
            vipsSeconds += theirs;
            images += n;
        }
        table.row("**all**", images, num(images / oursSeconds, 1), "", "", num(images / vipsSeconds, 1),
                num(vipsSeconds / oursSeconds, 2), "", "", "");

        double measuredMillis = (System.nanoTime() - start) / 1e6;
        long gcMillis = gcMillis() - gcMillisBefore;
        new Report("Per-image compute (single thread)")
                .line("- " + rounds + " measured rounds per folder after " + warmups + " warm-up rounds over the corpus;"
                        + " img/s from the median round, ms/img over every image of every round")
                .line("- JVM options `" + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()
                        .stream().filter(a -> a.startsWith("-X")).toList()) + "`, heap limit "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB; GC while measuring: "
                        + (gcCount() - gcCountBefore) + " collections, " + gcMillis + " ms ("
                        + num(100 * gcMillis / measuredMillis, 1) + " % of the time)")
                .line("- ours: read, metadata, check, decode-image with labels sent a " + work.labelSize()
                        + " px rendition (so the working image covers " + work.workingBox() + " px), make-thumbnail;"
                        + " the label rendition's JPEG encode is timed apart and not in ours img/s")
                .line("- reference: `VIPS_CONCURRENCY=1 vipsthumbnail -s 250x250` (" + VipsThumbnail.version()
                        + "), one process per folder and round, process start included")
                .line("- CPU time: this JVM's (all threads) during ours, vipsthumbnail's user + system; other work on"
                        + " the machine slows wall time far more than it adds CPU time, so this ratio is the steadier")
                .table(table)
                .save(output);
        figures.save(Figures.beside(output));
    }

    /**
     * One pass over a folder; adds each image's time to {@code perImageMs} and its label rendition's to
     * {@code labelMs}, puts the JVM's CPU seconds of the pass in {@code cpu[round]}, and returns the seconds of the
     * pass, both without the label renditions.
     */
    private static double ourRound(PerImageWork work, CorpusFolder folder, Map<Path, List<Double>> perImageMs,
            List<Double> labelMs, double[] cpu, int round) throws Exception {
        long nanos = 0;
        long cpuNanos = 0;
        for (Path file : folder.files()) {
            long cpuStart = CpuClock.processNanos();
            long start = System.nanoTime();
            WorkingImage working = work.thumbnail(file);
            long thumbnailDone = System.nanoTime();
            cpuNanos += CpuClock.processNanos() - cpuStart;
            work.labelRendition(file, working);
            long labelDone = System.nanoTime();
            nanos += thumbnailDone - start;
            perImageMs.computeIfAbsent(file, f -> new ArrayList<>()).add((thumbnailDone - start) / 1e6);
            if (work.labelSize() > 0) {
                labelMs.add((labelDone - thumbnailDone) / 1e6);
            }
        }
        cpu[round] = cpuNanos / 1e9;
        return nanos / 1e9;
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
