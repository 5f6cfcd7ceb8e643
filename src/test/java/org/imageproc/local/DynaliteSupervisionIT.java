package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.imageproc.TestService;
import org.imageproc.testing.TestImages;
import org.imageproc.web.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The local DynamoDB's process killed with SIGKILL under a running service: it is started again on its port and its
 * data, readiness is DOWN meanwhile and UP after, the web API answers 503 naming DynamoDB meanwhile and 200 after,
 * every upload, in flight or sent during the outage, succeeds (none stays RUNNING, nothing goes to the dead-letter
 * queue), and the log says the outage once each way, without a stack trace.
 */
class DynaliteSupervisionIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, AttributeValue> ALBUM = Map.of("albumID", AttributeValue.fromS("kept-album"));

    private final Logger supervisorLog = (Logger) LoggerFactory.getLogger(DynaliteServer.class);
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final ListAppender<ILoggingEvent> everything = new ListAppender<>();
    private TestService service;
    private Api api;

    @BeforeEach
    void start() {
        logged.start();
        supervisorLog.addAppender(logged);
        everything.start();
        root.addAppender(everything);
        // a delivery that failed while DynamoDB was away comes back after 5 s instead of 60
        service = TestService.start(Map.of("imageproc.sqs.visibility-timeout-seconds", "5"));
        api = new Api(service.web());
    }

    @AfterEach
    void stop() {
        service.stop();
        supervisorLog.detachAppender(logged);
        root.detachAppender(everything);
    }

    @Test
    void aKilledDynaliteComesBackOnItsDataAndEveryUploadSucceeds() throws Exception {
        LocalAwsStack stack = (LocalAwsStack) service.aws().localStack().orElseThrow();
        int port = stack.dynamoDbEndpoint().getPort();
        service.dynamoDb().putItem(r -> r.tableName("AlbumMetadata").item(ALBUM));
        List<String> ids = IntStream.range(0, 12).mapToObj(i -> "supervised-" + i + ".jpg").toList();
        ProcessHandle dynalite = ProcessHandle.of(stack.dynamoDbPid()).orElseThrow();

        await().atMost(Duration.ofSeconds(30)).until(() -> readiness().statusCode() == 200);

        ids.subList(0, 6).forEach(this::upload);
        assertThat(dynalite.destroyForcibly()).isTrue();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> readiness().statusCode() == 503);
        String down = readiness().body();
        // the restart waits a second before it even begins
        Api.Reply albums = api.get("api/albums", "supervised");
        ids.subList(6, 12).forEach(this::upload);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> readiness().statusCode() == 200);

        assertThat(albums.status()).isEqualTo(503);
        assertThat(albums.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(albums.json().path("error").asText()).isEqualTo("ServiceUnavailable");
        assertThat(albums.json().path("message").asText())
                .startsWith("The image catalog (DynamoDB) is unavailable: ").endsWith("; try again shortly");
        assertThat(api.get("api/albums", "supervised").status()).isEqualTo(200);

        assertThat(down).contains("The local DynamoDB (dynalite) exited with code 137");
        assertThat(dynalite.isAlive()).isFalse();
        assertThat(stack.dynamoDbPid()).isNotEqualTo(dynalite.pid());
        assertThat(stack.dynamoDbEndpoint().getPort()).isEqualTo(port);
        assertThat(service.dynamoDb().getItem(r -> r.tableName("AlbumMetadata").key(ALBUM).consistentRead(true))
                .item()).isEqualTo(ALBUM);
        // a delivery that failed meanwhile left its item FAILED (retryable) until its message came back
        ids.forEach(id -> service.awaitSucceeded(id, Duration.ofSeconds(90)));
        await().atMost(Duration.ofSeconds(30)).until(() -> service.queueDepth("image-events") == 0);
        assertThat(service.queueDepth("image-events-dlq")).isZero();
        List<ILoggingEvent> serviceLog = everything.list.stream()
                .filter(event -> event.getLoggerName().startsWith("org.imageproc")
                        || event.getLoggerName().startsWith("org.apache.camel"))
                .toList();
        assertThat(serviceLog).filteredOn(event -> event.getFormattedMessage()
                .startsWith("The image catalog (DynamoDB) is unavailable")).hasSize(1);
        assertThat(serviceLog).filteredOn(event -> event.getFormattedMessage()
                .startsWith("The image catalog (DynamoDB) is back after")).hasSize(1);
        assertThat(serviceLog).noneMatch(event -> event.getThrowableProxy() != null)
                .noneMatch(event -> event.getLevel() == Level.ERROR);
        assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.WARN)
                .singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("pid " + dynalite.pid() + ") exited with code 137 (signal 9); restarting it in 1.0 s on port "
                        + port + " with its data");
    }

    private void upload(String id) {
        service.s3().putObject(r -> r.bucket(TestService.BUCKET).key("Incoming/" + id),
                RequestBody.fromBytes(TestImages.jpeg(320, 240)));
    }

    private HttpResponse<String> readiness() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(service.management().resolve("observe/health/ready?exposureLevel=full"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
