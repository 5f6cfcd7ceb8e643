package org.imageproc.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.imageproc.config.Concurrency;
import org.imageproc.outage.Outages;
import org.imageproc.outage.PauseDuringOutage;
import org.imageproc.run.ImageEvent;
import org.imageproc.testing.RouteTests;
import org.imageproc.testing.TestBeans;
import org.junit.jupiter.api.Test;

/**
 * The queue consumer's route, its SQS endpoint replaced by {@code direct:sqs}, before a fake flow: each image of a
 * message goes to process-image in the order of its records, and the first that fails stops the rest, so that the
 * message stays on the queue.
 */
@CamelMainTest(propertyPlaceholderLocations = {RouteTests.PROPERTIES, RouteTests.APPLICATION},
        replaceRouteFromWith = "consume-image-events=direct:sqs")
class IngestRouteTest {

    private static final String RECORD = """
            {"eventName":"ObjectCreated:Put","eventTime":"2026-12-01T10:00:00Z","s3":{"bucket":{"name":"photo-repo"},
             "object":{"key":"%s","size":1,"eTag":"%s"}}}""";

    private final List<ImageEvent> processed = new CopyOnWriteArrayList<>();

    @Produce("direct:sqs")
    ProducerTemplate queue;

    @Configure
    void theRouteBeforeAFakeFlow(MainConfigurationProperties main) {
        main.addRoutesBuilder(IngestRoute.class);
        // stands for the process-image flow: keeps each event it is given, and fails for a key naming "fails"
        main.withAdditionalLambdaRouteBuilder(routes -> routes.from("direct:process-image").routeId("process-image")
                .process(exchange -> {
                    ImageEvent event = exchange.getMessage().getBody(ImageEvent.class);
                    processed.add(event);
                    if (event.key().contains("fails")) {
                        throw new IllegalStateException("failed on purpose");
                    }
                }));
        main.addConfiguration(new TestBeans(context -> {
            Outages outages = new Outages(Clock.systemUTC(), Duration.ofMinutes(1));
            context.getRegistry().bind("pauseDuringOutage", new PauseDuringOutage(outages, receipt -> { }));
            context.getRegistry().bind("s3EventParser", new S3EventParser("photo-repo", "Incoming/"));
            context.getRegistry().bind("consumerErrors", new ConsumerErrors(outages, Clock.systemUTC()));
            context.getRegistry().bind("concurrency", new Concurrency(2, 4));
        }));
    }

    @Test
    void eachImageOfAMessageGoesToTheFlowInTheOrderOfItsRecords() {
        Exchange consumed = queue.send(exchange -> exchange.getMessage().setBody(message(
                RECORD.formatted("Incoming/b.jpg", "e2"), RECORD.formatted("Thumbnails/x.jpg", "e3"),
                RECORD.formatted("Incoming/a%C3%A9.jpg", "e1"))));

        assertThat(consumed.isFailed()).isFalse();
        assertThat(processed).extracting(ImageEvent::key, ImageEvent::eTag).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Incoming/b.jpg", "e2"),
                org.assertj.core.groups.Tuple.tuple("Incoming/aé.jpg", "e1"));
    }

    @Test
    void anImageThatFailsStopsTheRestAndTheMessageFails() {
        Exchange consumed = queue.send(exchange -> exchange.getMessage().setBody(message(
                RECORD.formatted("Incoming/a.jpg", "e1"), RECORD.formatted("Incoming/fails.jpg", "e2"),
                RECORD.formatted("Incoming/c.jpg", "e3"))));

        assertThat(consumed.isFailed()).isTrue();
        assertThat(processed).extracting(ImageEvent::key).containsExactly("Incoming/a.jpg", "Incoming/fails.jpg");
    }

    private static String message(String... records) {
        return "{\"Records\":[" + String.join(",", records) + "]}";
    }
}
