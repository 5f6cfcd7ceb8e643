package org.imageproc.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * One run of the load and scale benchmarks: the closed loop of uploads through a running stack, then the audit of
 * everything it sent, while the services still run.
 */
final class LoadRun {

    static final String BUCKET = "photo-repo";
    static final String TABLE = "ImageMetadata";
    static final List<String> QUEUES = List.of("image-events", "image-events-dlq");
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(90);

    /** What a run sent and saw, what the audit found, and the problems that fail the benchmark. */
    record Result(List<Upload> sent, List<Outcome> outcomes, int warmup, MarkdownTable checks,
            Map<String, Integer> finishedBy, List<String> problems) {

        /** The outcomes of the uploads after the warm-up. */
        List<Outcome> measured() {
            Set<String> warm = new HashSet<>();
            sent.subList(0, Math.min(warmup, sent.size())).forEach(upload -> warm.add(upload.imageId()));
            return outcomes.stream().filter(outcome -> !warm.contains(outcome.upload().imageId())).toList();
        }
    }

    /** The logs of the processes that may have processed the run's uploads, read when the audit runs. */
    interface Logs {
        List<RunLog> read() throws IOException;
    }

    private final LoadSettings settings;
    private final BenchClients.Stack clients;
    private final ImageItems items;
    private final UploadWindow window;

    /** @param watched processes whose exit stops the run: the services, and the stack when it runs apart */
    LoadRun(LoadSettings settings, BenchClients.Stack clients, List<ServiceProcess> watched) {
        this.settings = settings;
        this.clients = clients;
        this.items = new ImageItems(clients.dynamoDb(), TABLE, watched);
        this.window = new UploadWindow(clients.s3(), BUCKET, items, settings.window(), settings.pollEvery(),
                settings.stallTimeout());
    }

    /** Uploads final so far. */
    int finished() {
        return window.finished();
    }

    Result run(String prefix, PhotoMix photos, Logs logs) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        try {
            window.run(prefix, settings.count(), photos);
        } catch (IllegalStateException | TimeoutException | SdkException | IOException e) {
            problems.add(e.getMessage());
        }
        MarkdownTable checks = new MarkdownTable("check", "result");
        Map<String, Integer> finishedBy = Map.of();
        try {
            NothingLost.Verdict verdict = new NothingLost(items, clients.sqs(), clients.s3(), BUCKET, QUEUES)
                    .check(window.sent(), logs.read(), DRAIN_TIMEOUT);
            checks = verdict.table();
            finishedBy = verdict.finishedBy();
            problems.addAll(verdict.problems());
        } catch (SdkException | IOException e) {
            problems.add("The audit could not run: " + e.getMessage());
        }
        return new Result(List.copyOf(window.sent()), List.copyOf(window.outcomes()), settings.warmup(), checks,
                finishedBy, problems);
    }
}
