package org.imageproc.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.imageproc.TestService;
import org.imageproc.aws.AwsModeService;
import org.imageproc.testing.TcpRelay;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The service in aws mode loses its S3 or its SQS endpoint for 30 s in the middle of a burst of uploads: a TCP relay
 * between the service and the local stack is cut (open connections reset, new ones refused) and opened again on the
 * same port; the uploader talks to S3 itself, so S3 acknowledges uploads throughout. Every acknowledged upload ends
 * SUCCEEDED, none stays RUNNING, the queue and the dead-letter queue end empty, and the log says the outage once
 * when it starts and once when it ends, without a stack trace. The timings are scaled down so that the outage is
 * ten visibility timeouts long: without the consumer's pause, every event would use up its five receives.
 */
class EndpointOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int BURST = 12;

    private static TcpRelay s3;
    private static TcpRelay sqs;
    private static AwsModeService aws;
    private static TestService service;
    private static S3Client uploader;

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeAll
    static void startBehindRelays() {
        aws = AwsModeService.start(() -> { }, stack -> {
            s3 = TcpRelay.to(stack.s3Endpoint().getPort());
            sqs = TcpRelay.to(stack.sqsEndpoint().getPort());
            return Map.of(
                    "imageproc.aws.s3-endpoint", s3.endpoint().toString(),
                    "imageproc.aws.sqs-endpoint", sqs.endpoint().toString(),
                    // a failed delivery comes back after 3 s, after about 1 s of retries in place
                    "imageproc.sqs.visibility-timeout-seconds", "3",
                    "imageproc.retry.max-redeliveries", "3",
                    "imageproc.outage.probe-ms", "500");
        });
        service = aws.service();
        uploader = aws.stackS3();
    }

    @AfterAll
    static void stop() {
        uploader.close();
        aws.close();
        s3.close();
        sqs.close();
    }

    @BeforeEach
    void recordTheLog() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stopRecording() {
        root.detachAppender(logged);
    }

    @Test
    void theBucketUnreachableForThirtySecondsMidBurstLosesNothing() {
        burstThrough(s3, "s3-outage", "The photo storage (S3)");
    }

    @Test
    void theQueueUnreachableForThirtySecondsMidBurstLosesNothing() {
        burstThrough(sqs, "sqs-outage", "The event queue (SQS)");
    }

    private void burstThrough(TcpRelay relay, String prefix, String dependency) {
        List<String> ids = IntStream.range(0, BURST).mapToObj(i -> prefix + "-" + i + ".jpg").toList();
        PauseDuringOutage pause = service.context().getRegistry()
                .lookupByNameAndType("pauseDuringOutage", PauseDuringOutage.class);

        ids.subList(0, BURST / 2).forEach(EndpointOutageIT::upload);
        relay.cut();
        long cutAt = System.nanoTime();
        ids.subList(BURST / 2, BURST).forEach(EndpointOutageIT::upload);
        await().atMost(Duration.ofSeconds(15)).until(pause::paused);
        // the consumer stays paused for as long as the endpoint is away
        Duration left = OUTAGE.minusNanos(System.nanoTime() - cutAt);
        await().during(left).atMost(left.plusSeconds(5)).until(pause::paused);
        relay.restore();

        // a delivery that failed during the outage left its item FAILED (retryable) until its message came back
        ids.forEach(id -> service.awaitSucceeded(id, Duration.ofSeconds(60)));
        await().atMost(Duration.ofSeconds(20)).until(() -> service.queueDepth("image-events") == 0);
        assertThat(service.queueDepth("image-events-dlq")).isZero();
        assertThat(pause.paused()).isFalse();
        List<ILoggingEvent> service = logged.list.stream()
                .filter(event -> event.getLoggerName().startsWith("org.imageproc")
                        || event.getLoggerName().startsWith("org.apache.camel"))
                .toList();
        assertThat(service).filteredOn(event -> event.getFormattedMessage().startsWith(dependency + " is unavailable"))
                .singleElement().extracting(ILoggingEvent::getLevel).isEqualTo(Level.WARN);
        assertThat(service).filteredOn(event -> event.getFormattedMessage().startsWith(dependency + " is back after"))
                .hasSize(1);
        assertThat(service).noneMatch(event -> event.getThrowableProxy() != null)
                .noneMatch(event -> event.getLevel() == Level.ERROR);
    }

    private static void upload(String id) {
        uploader.putObject(r -> r.bucket(TestService.BUCKET).key("Incoming/" + id),
                RequestBody.fromBytes(TestImages.jpeg(320, 240)));
    }
}
