package org.imageproc.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.imageproc.TestService;
import org.imageproc.aws.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A start ends with the endpoints as bound (loopback addresses and the ports that answer, the local stack's with its
 * credentials) and "ready in"; Camel's own start-up listings stay below INFO.
 */
class StartupSummaryIT {

    private static final Logger ROOT = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private static final ListAppender<ILoggingEvent> LOGGED = new ListAppender<>();

    private static TestService service;
    private static List<ILoggingEvent> startedHere;

    @BeforeAll
    static void start() {
        LOGGED.start();
        ROOT.addAppender(LOGGED);
        try {
            service = TestService.start(Map.of());
        } finally {
            ROOT.detachAppender(LOGGED);
        }
        // the start runs on this thread; the service's own threads go on logging after it
        String thread = Thread.currentThread().getName();
        startedHere = LOGGED.list.stream().filter(event -> event.getThreadName().equals(thread)).toList();
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    @Test
    void theLastLinesAreTheEndpointsAsBoundThenReadyIn() {
        assertThat(startedHere).hasSizeGreaterThan(2);
        ILoggingEvent ready = startedHere.get(startedHere.size() - 1);
        ILoggingEvent endpoints = startedHere.get(startedHere.size() - 2);

        assertThat(ready.getFormattedMessage()).matches("imageproc ready in \\d+\\.\\d s");
        assertThat(endpoints.getLevel()).isEqualTo(Level.INFO);
        Map<String, String> lines = lines(endpoints.getFormattedMessage());
        LocalStack stack = service.aws().localStack().orElseThrow();
        String web = "http://127.0.0.1:" + service.web().getPort();
        String management = "http://127.0.0.1:" + service.management().getPort();
        assertThat(lines).containsEntry("Web app", web + "/")
                .containsEntry("REST API", web + "/api  (described at " + web + "/api/openapi.json)")
                .containsEntry("Health", management + "/observe/health  (/live, /ready)")
                .containsEntry("Metrics", management + "/observe/metrics")
                .containsEntry("Jolokia", management + "/observe/jolokia")
                .containsEntry("Credentials",
                        "AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1")
                .containsEntry("Try", "aws --endpoint-url " + stack.s3Endpoint()
                        + " s3 cp photo.jpg s3://photo-repo/Incoming/photo.jpg");
        assertThat(lines.get("S3")).startsWith(stack.s3Endpoint() + "  bucket photo-repo;");
        assertThat(lines.get("SQS")).startsWith(stack.sqsEndpoint() + "  queue ");
        assertThat(lines.get("DynamoDB")).isEqualTo(stack.dynamoDbEndpoint() + "  tables ImageMetadata, AlbumMetadata, PhotoLabels, Jobs");
        // this service's labels come from a stand-in Rekognition, so the local one did not start
        assertThat(lines.get("Rekognition")).isEqualTo("(not started: labels off or served elsewhere)");
    }

    @Test
    void everyAddressShownIsLoopbackAndAnswers() throws IOException {
        List<URI> shown = lines(startedHere.get(startedHere.size() - 2).getFormattedMessage()).values().stream()
                .filter(line -> line.startsWith("http://")).map(line -> URI.create(line.split(" ", 2)[0])).toList();

        assertThat(shown).hasSize(8).allSatisfy(uri -> assertThat(uri.getHost()).isEqualTo("127.0.0.1"));
        for (URI uri : shown) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
            }
        }
    }

    @Test
    void camelsOwnStartupListingsAreNotLoggedAtInfo() {
        assertThat(LOGGED.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                .extracting(ILoggingEvent::getLoggerName)
                .noneMatch(name -> name.equals("org.apache.camel.main.BaseMainSupport")
                        || name.equals("org.apache.camel.support.LifecycleStrategySupport")
                        || name.startsWith("org.apache.camel.component.platform.http")
                        || name.startsWith("org.apache.camel.component.micrometer")
                        || name.startsWith("org.apache.camel.openapi"));
        assertThat(LOGGED.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.startsWith("Routes startup") || message.contains("0.0.0.0"))
                .anyMatch(message -> message.startsWith("Apache Camel ") && message.contains("(imageproc) started in"));
    }

    @Test
    void aJvmWithoutTheReadmesCollectorOptionIsToldIt() {
        // failsafe starts this JVM without -XX:-G1UseAdaptiveIHOP, as a bare java -jar would
        assertThat(startedHere).filteredOn(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(message -> assertThat(message).contains("adaptive marking threshold",
                        "-XX:-G1UseAdaptiveIHOP"));
    }

    /** The summary's lines after its title, by label. */
    private static Map<String, String> lines(String summary) {
        Map<String, String> lines = new LinkedHashMap<>();
        List<String> all = summary.lines().toList();
        assertThat(all.get(0)).isEqualTo("Endpoints");
        for (String line : all.subList(1, all.size())) {
            assertThat(line).startsWith("  ");
            String[] labelled = line.strip().split(" {2,}", 2);
            lines.put(labelled[0], labelled[1]);
        }
        return lines;
    }
}
