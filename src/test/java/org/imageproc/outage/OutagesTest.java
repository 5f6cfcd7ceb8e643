package org.imageproc.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * An outage is logged once when it starts, summarised once a minute while it lasts and something asked about it, and
 * once when it ends; the retries it causes are noted, not logged; listeners hear of each change.
 */
class OutagesTest {

    private final MovingClock clock = new MovingClock();
    private final Outages outages = new Outages(clock, Duration.ofSeconds(60));
    private final AtomicInteger changes = new AtomicInteger();
    private final Logger log = (Logger) LoggerFactory.getLogger(Outages.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        log.addAppender(logged);
        outages.addListener(changes::incrementAndGet);
    }

    @AfterEach
    void stopListening() {
        log.detachAppender(logged);
    }

    @Test
    void anOutageIsLoggedOnceEachWayAndSummarisedWhileItLasts() {
        assertThat(outages.waiting(Dependency.DYNAMODB, "Incoming/a.jpg")).as("not known to be away").isFalse();

        outages.failed(Dependency.DYNAMODB, "Connection refused");
        outages.failed(Dependency.DYNAMODB, "Connection refused");
        assertThat(outages.waiting(Dependency.DYNAMODB, "Incoming/a.jpg")).isTrue();
        assertThat(outages.waiting(Dependency.DYNAMODB, "Incoming/b.jpg")).isTrue();
        assertThat(outages.waiting(Dependency.DYNAMODB, "Incoming/a.jpg")).isTrue();
        clock.advance(Duration.ofSeconds(30));
        outages.summarise();
        clock.advance(Duration.ofSeconds(30));
        outages.summarise();
        clock.advance(Duration.ofSeconds(60));
        // nothing asked about it in the last minute: nothing new to say
        outages.summarise();
        clock.advance(Duration.ofSeconds(15));
        outages.answered(Dependency.DYNAMODB);
        outages.answered(Dependency.DYNAMODB);

        assertThat(outages.down()).isEmpty();
        assertThat(changes).hasValue(2);
        assertThat(logged.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Level.WARN, "The image catalog (DynamoDB) is unavailable:"
                        + " Connection refused. Images in flight wait and retry; no new event is taken from the queue"
                        + " until it answers again"),
                org.assertj.core.groups.Tuple.tuple(Level.WARN, "The image catalog (DynamoDB) is still unavailable"
                        + " after 60 s (Connection refused); 2 calls failed since the last report; 2 images waited"
                        + " for it"),
                org.assertj.core.groups.Tuple.tuple(Level.INFO, "The image catalog (DynamoDB) is back after 135 s;"
                        + " 2 images waited for it"));
    }

    @Test
    void eachServiceHasItsOwnOutageAndOnlyProbedOnesSayTheQueueWaits() {
        outages.failed(Dependency.REKOGNITION, "HTTP 503");
        outages.failed(Dependency.S3, "Connection refused");

        assertThat(outages.down()).containsExactlyInAnyOrder(Dependency.REKOGNITION, Dependency.S3);
        assertThat(outages.isDown(Dependency.SQS)).isFalse();
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Label detection (Rekognition) is unavailable: HTTP 503. Images in flight wait and retry",
                "The photo storage (S3) is unavailable: Connection refused. Images in flight wait and retry; no new"
                        + " event is taken from the queue until it answers again");
    }

    @Test
    void aFailureIsExplainedOnlyByAnOutageAlreadyReportedOfItsOwnService() {
        Exception unavailable = new IllegalStateException("wrapped", DependencyUnavailableException.of(
                Dependency.S3, "Connection refused", null));
        assertThat(outages.explains(unavailable, "Incoming/a.jpg")).as("not reported yet").isFalse();

        outages.failed(Dependency.DYNAMODB, "Connection refused");
        assertThat(outages.explains(unavailable, "Incoming/a.jpg")).as("another service is away").isFalse();
        outages.failed(Dependency.S3, "Connection refused");

        assertThat(outages.explains(unavailable, "Incoming/a.jpg")).isTrue();
        assertThat(outages.explains(new IllegalStateException("a bug"), "Incoming/a.jpg")).isFalse();
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {

        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
