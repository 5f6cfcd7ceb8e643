package org.imageproc.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads of the corpus through a running service, through the S3 API as a user's: a burst (rounds sent back to back
 * from one thread) or a paced pass (one upload at a time: an idle service), with the CPU the service used meanwhile.
 */
final class Passes {

    static final String BUCKET = "photo-repo";
    private static final Duration PASS_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration PACED_TIMEOUT = Duration.ofMinutes(2);
    /** Uploads before a paced pass, by default: after as many, the JIT's compiling is a tenth or so of the CPU. */
    static final int STEADY_UPLOADS = 1000;
    private static final int STEADY_WINDOW = 16;
    private static final int STEADY_DISTINCT = 50;
    private static final int STEADY_CORPUS_EVERY = 20;

    private final S3Client s3;
    private final ImageItems items;
    private final List<CorpusFolder> folders;
    private final ServiceProcess service;

    /** @param service the process whose CPU (its JVM's, and its children's) each pass reports */
    Passes(S3Client s3, ImageItems items, List<CorpusFolder> folders, ServiceProcess service) {
        this.s3 = s3;
        this.items = items;
        this.folders = folders;
        this.service = service;
    }

    /** The smallest file of the first folder, once, until its item is final: when the service first processes. */
    Outcome first(Duration timeout) throws InterruptedException, TimeoutException {
        CorpusFolder folder = folders.get(0);
        Path smallest = folder.files().stream().min(Comparator.comparingLong(file -> file.toFile().length()))
                .orElseThrow();
        return items.awaitFinal(List.of(upload("first", folder, smallest)), Duration.ofMillis(100), timeout).get(0);
    }

    Pass burst(String name, int rounds) throws InterruptedException, TimeoutException {
        List<Upload> uploads = new ArrayList<>();
        long cpu = service.cpuMillis();
        long childrenCpu = service.childrenCpuMillis();
        long start = System.nanoTime();
        for (int round = 1; round <= rounds; round++) {
            for (CorpusFolder folder : folders) {
                for (Path file : folder.files()) {
                    uploads.add(upload(name + "-" + round, folder, file));
                }
            }
        }
        double uploadSeconds = (System.nanoTime() - start) / 1e9;
        List<Outcome> outcomes = items.awaitFinal(uploads, Duration.ofMillis(500), PASS_TIMEOUT);
        return new Pass(name, outcomes, uploadSeconds, service.cpuMillis() - cpu,
                service.childrenCpuMillis() - childrenCpu);
    }

    Pass paced(String name) throws InterruptedException, TimeoutException {
        List<Outcome> outcomes = new ArrayList<>();
        double uploadSeconds = 0;
        long cpu = service.cpuMillis();
        long childrenCpu = service.childrenCpuMillis();
        for (CorpusFolder folder : folders) {
            for (Path file : folder.files()) {
                long start = System.nanoTime();
                Upload upload = upload(name, folder, file);
                uploadSeconds += (System.nanoTime() - start) / 1e9;
                outcomes.addAll(items.awaitFinal(List.of(upload), Duration.ofMillis(20), PACED_TIMEOUT));
            }
        }
        return new Pass(name, outcomes, uploadSeconds, service.cpuMillis() - cpu,
                service.childrenCpuMillis() - childrenCpu);
    }

    /**
     * {@code count} uploads of small generated JPEGs and, one in 20, corpus photos, at most 16 not final at a time:
     * the code that runs for every image (the AWS SDK's calls, Camel's routing) is called a few times per image, so
     * the JIT still compiles it after hundreds of corpus photos; these make it reach its steady state at a small cost.
     */
    void steady(int count, Path corpus) throws IOException, InterruptedException, TimeoutException {
        UploadWindow window = new UploadWindow(s3, BUCKET, items, STEADY_WINDOW, Duration.ofMillis(100),
                Duration.ofMinutes(2));
        window.run("steady", count, PhotoMix.of(STEADY_DISTINCT, corpus, STEADY_CORPUS_EVERY));
        long failed = window.outcomes().stream().filter(outcome -> !"SUCCEEDED".equals(outcome.status())).count();
        if (failed > 0) {
            throw new IllegalStateException(failed + " of the " + count + " uploads before the paced pass did not"
                    + " succeed");
        }
    }

    private Upload upload(String prefix, CorpusFolder folder, Path file) {
        String imageId = prefix + "-" + folder.name() + "-" + file.getFileName();
        Instant start = Instant.now();
        s3.putObject(request -> request.bucket(BUCKET).key("Incoming/" + imageId), RequestBody.fromFile(file));
        return new Upload(imageId, folder.name(), start);
    }

    int corpusSize() {
        return folders.stream().mapToInt(folder -> folder.files().size()).sum();
    }
}
