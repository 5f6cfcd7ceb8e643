package org.imageproc.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The settings the load and scale benchmarks share, from {@code -Dbench.*} properties: what to upload, how many at a
 * time, and how the services run.
 *
 * @param labels      label detection on (the local detector behind the Rekognition API) or off (SKIPPED)
 * @param window      uploads not yet final at any time (closed loop)
 * @param warmup      the first uploads, left out of latency, throughput and the RSS trend
 * @param corpusEvery one upload in this many is a corpus photo; 0 for none
 * @param distinct    different generated photos cycled through
 */
record LoadSettings(int count, Path corpus, Path jar, Path out, String heap, boolean labels, int window, int warmup,
        int corpusEvery, int distinct, Duration pollEvery, Duration stallTimeout, List<String> jvmOptions,
        boolean keepData) {

    static LoadSettings read(int count, String out, String heap, int window) {
        Path jar = Path.of(System.getProperty("bench.jar", "target/imageproc.jar"));
        return new LoadSettings(count,
                Path.of(System.getProperty("bench.corpus", "../shared/bench/corpus")),
                jar,
                Path.of(System.getProperty("bench.out", out)),
                System.getProperty("bench.heap", heap),
                !"off".equalsIgnoreCase(System.getProperty("bench.labels", "on")),
                Integer.getInteger("bench.window", window),
                Integer.getInteger("bench.warmup", Math.max(1, count / 10)),
                Integer.getInteger("bench.corpus-every", 20),
                Integer.getInteger("bench.distinct", 100),
                Duration.ofMillis(Long.getLong("bench.poll-ms", 500)),
                Duration.ofSeconds(Long.getLong("bench.stall-seconds", 300)),
                ServiceProcess.jvmOptions(jar),
                Boolean.getBoolean("bench.keep-data"));
    }

    PhotoMix photos() throws IOException {
        return PhotoMix.of(distinct, corpus, corpusEvery);
    }
}
