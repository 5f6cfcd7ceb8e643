package org.imageproc.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imageproc.TestService;
import org.imageproc.job.Job;
import org.imageproc.job.Jobs;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The backfill command against the running service's local stack: objects that were in the bucket without their
 * events (put while the consumer was stopped, their events purged) are queued, the run is interrupted and resumed
 * where it stopped, and every object ends SUCCEEDED, counted once by one job; an object processed before is left
 * alone. Without a stack to talk to, the command says what to do.
 */
class BackfillIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Pattern JOB = Pattern.compile("job ([0-9a-f-]{36})");

    private final TestService service = TestService.get();
    private final String prefix = "Incoming/bf-" + UUID.randomUUID().toString().substring(0, 8) + "/";

    @Test
    void objectsWithoutEventsAreQueuedAfterAnInterruptionResumedAndProcessedOnce() throws Exception {
        String done = prefix + "z-done.jpg";
        service.s3().putObject(r -> r.bucket(TestService.BUCKET).key(done), RequestBody.fromBytes(TestImages.jpeg(64, 48)));
        String doneRun = service.awaitSucceeded(done.substring("Incoming/".length()), WAIT).get("executionId").s();
        List<String> keys = objectsWithoutEvents(12);

        StringBuilder first = new StringBuilder();
        int interrupted = backfill(first, stopAtCall(6), "--prefix", prefix, "--rate", "50");

        assertThat(interrupted).as(first.toString()).isEqualTo(BackfillCommand.INTERRUPTED);
        assertThat(first).contains("Listed 5 object(s): 5 queued, 0 final already");
        String jobId = jobId(first.toString());
        assertThat(jobs().find(jobId).orElseThrow().job().total()).isEqualTo(5);

        StringBuilder second = new StringBuilder();
        int resumed = backfill(second, () -> false, "--prefix", prefix, "--rate", "50");

        assertThat(resumed).as(second.toString()).isZero();
        assertThat(second).contains("Resuming backfill job " + jobId + " after " + keys.get(4))
                .contains("Listed 8 object(s): 7 queued, 1 final already (job " + jobId + ", resumed)")
                .contains("Processed 12 of 12: 12 done, 0 failed");
        Job job = jobs().find(jobId).orElseThrow().job();
        assertThat(job.state()).isEqualTo(Job.FINISHED);
        assertThat(job.total()).isEqualTo(12);
        assertThat(job.done()).isEqualTo(12);
        assertThat(keys).allSatisfy(key -> {
            Map<String, AttributeValue> item = service.item(key.substring("Incoming/".length()));
            assertThat(item.get("status").s()).as(key).isEqualTo("SUCCEEDED");
            assertThat(item.get("job").s()).as(key).isEqualTo(jobId);
        });
        assertThat(service.item(done.substring("Incoming/".length())).get("executionId").s()).isEqualTo(doneRun);
        // a finished backfill leaves no pointer: the next one of the prefix is a new job
        assertThat(jobs().current("backfill:" + TestService.BUCKET + "/" + prefix + ":missing")).isEmpty();
    }

    @Test
    void withoutARunningStackItSaysWhatToDo() throws Exception {
        StringBuilder out = new StringBuilder();
        int port = TestService.freePort();

        int code = BackfillCommand.run(new String[] {"--prefix", "Incoming/"}, Map.of("imageproc.local.sqs-port",
                Integer.toString(port)), InProcessBackfill.printer(out), () -> false);

        assertThat(code).isEqualTo(BackfillCommand.NOT_RUNNING);
        assertThat(out.toString()).startsWith("The local stack does not answer at 127.0.0.1 (SQS port " + port
                + ", imageproc.local.sqs-port): start the service first");
    }

    @Test
    void wrongArgumentsAreNamed() {
        StringBuilder out = new StringBuilder();

        int code = BackfillCommand.run(new String[] {"--prefix", "Incoming/", "--rate", "fast"}, Map.of(),
                InProcessBackfill.printer(out), () -> false);

        assertThat(code).isEqualTo(BackfillCommand.USAGE);
        assertThat(out.toString()).startsWith("--rate is events per second, more than 0 and at most 1000, not fast")
                .contains(BackfillOptions.USAGE);
    }

    /** Puts the objects while the consumer is stopped and purges their events: as if there before the service. */
    private List<String> objectsWithoutEvents(int count) throws Exception {
        List<String> keys = new ArrayList<>();
        InProcessBackfill.withoutEvents(service, () -> {
            for (int i = 0; i < count; i++) {
                String key = String.format("%sa%02d.jpg", prefix, i);
                service.s3().putObject(r -> r.bucket(TestService.BUCKET).key(key),
                        RequestBody.fromBytes(TestImages.jpeg(80 + i, 60)));
                keys.add(key);
            }
        });
        assertThat(keys).allSatisfy(key -> assertThat(service.item(key.substring("Incoming/".length()))).isEmpty());
        return keys;
    }

    private int backfill(StringBuilder out, BooleanSupplier stop, String... args) {
        return InProcessBackfill.run(service, out, stop, args);
    }

    /** Stops the run when asked for the n-th time (it asks before each object). */
    private static BooleanSupplier stopAtCall(int n) {
        AtomicInteger calls = new AtomicInteger();
        return () -> calls.incrementAndGet() >= n;
    }

    private Jobs jobs() {
        return new Jobs(service.dynamoDb(), "Jobs", Clock.systemUTC());
    }

    private static String jobId(String output) {
        Matcher matcher = JOB.matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return matcher.group(1);
    }
}
