package org.imageproc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** Samples a service's resident set size once a second, with how many uploads were final at that moment. */
final class RssSampler implements AutoCloseable {

    /** One sample: seconds since the start, RSS of the JVM and of its children (MB), uploads final by then. */
    record Sample(double seconds, double jvmMb, double childrenMb, int finished) {
    }

    private final ServiceProcess service;
    private final IntSupplier finished;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rss-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final long start = System.nanoTime();

    private RssSampler(ServiceProcess service, IntSupplier finished) {
        this.service = service;
        this.finished = finished;
    }

    static RssSampler start(ServiceProcess service, IntSupplier finished) {
        RssSampler sampler = new RssSampler(service, finished);
        sampler.timer.scheduleAtFixedRate(sampler::sample, 0, 1, TimeUnit.SECONDS);
        return sampler;
    }

    private void sample() {
        Sample sample = new Sample((System.nanoTime() - start) / 1e9, service.rssMb(), service.childrenRssMb(),
                finished.getAsInt());
        synchronized (samples) {
            samples.add(sample);
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** The samples as CSV, for a plot. */
    void writeCsv(Path file) throws IOException {
        List<String> lines = new ArrayList<>(List.of("seconds,jvm_rss_mb,children_rss_mb,uploads_final"));
        samples().forEach(s -> lines.add(String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%d", s.seconds(), s.jvmMb(),
                s.childrenMb(), s.finished())));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
