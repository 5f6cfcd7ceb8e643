package org.imageproc.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.health.HealthCheck;
import org.imageproc.TestService;
import org.imageproc.outage.Probes;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Processes two real images (one good, one corrupt) through a service of its own and reads the figures back the
 * ways an operator does: the platform MBean server, remote JMX, Jolokia, Prometheus and the health endpoints.
 */
class ObservabilityIT {

    private static final String CONTEXT = "observed";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestService service;
    private static int jmxPort;
    private static String goodId;
    private static String corruptId;

    @BeforeAll
    static void processTwoImages() throws IOException {
        jmxPort = TestService.freePort();
        // a service of its own, so the counts are exactly this test's images
        service = TestService.start(Map.of("camel.main.name", CONTEXT, "imageproc.jmx.port", Integer.toString(jmxPort)));
        goodId = "observe-" + UUID.randomUUID() + ".jpg";
        corruptId = "observe-" + UUID.randomUUID() + ".jpg";
        put(goodId, TestImages.jpeg(640, 480));
        put(corruptId, TestImages.truncated(TestImages.jpeg(640, 480), 0.02));
        assertThat(service.awaitFinal(goodId, WAIT).get("status").s()).isEqualTo("SUCCEEDED");
        assertThat(service.awaitFinal(corruptId, WAIT).get("status").s()).isEqualTo("FAILED");
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    @Test
    void thePipelineMBeanCountsRunsByOutcomeAndRemembersTheLastFailure() throws JMException {
        var server = ManagementFactory.getPlatformMBeanServer();
        ObjectName pipeline = new ObjectName("org.imageproc:context=" + CONTEXT + ",type=pipeline");

        assertThat(server.getAttribute(pipeline, "ImagesProcessed")).isEqualTo(2L);
        assertThat(server.getAttribute(pipeline, "ImagesSucceeded")).isEqualTo(1L);
        assertThat(server.getAttribute(pipeline, "ImagesFailed")).isEqualTo(1L);
        assertThat(server.getAttribute(pipeline, "InFlight")).isEqualTo(0);
        assertThat(byReason((TabularData) server.getAttribute(pipeline, "FailuresByReason")))
                .isEqualTo(Map.of("CorruptImage", 1L));
        assertThat(server.getAttribute(pipeline, "LastFailureImage")).isEqualTo(corruptId);
        assertThat(server.getAttribute(pipeline, "LastFailureReason")).isEqualTo("CorruptImage");
        assertThat(server.getAttribute(pipeline, "LastFailureStep")).isEqualTo("make-thumbnail");
        assertThat((String) server.getAttribute(pipeline, "LastFailureCause")).isNotBlank();
    }

    @Test
    void eachStepHasItsOwnMBeanWithCountsAndLatency() throws JMException {
        var server = ManagementFactory.getPlatformMBeanServer();

        // the truncated JPEG's header reads fine; its pixels do not
        ObjectName extract = step("extract-metadata");
        assertThat(server.getAttribute(extract, "Count")).isEqualTo(2L);
        assertThat(server.getAttribute(extract, "Failed")).isEqualTo(0L);
        ObjectName thumbnail = step("make-thumbnail");
        assertThat(server.getAttribute(thumbnail, "Count")).isEqualTo(2L);
        assertThat(server.getAttribute(thumbnail, "Failed")).isEqualTo(1L);
        ObjectName finish = step("finish-execution");
        assertThat(server.getAttribute(finish, "Count")).isEqualTo(1L);
        double mean = (double) server.getAttribute(finish, "MeanMillis");
        double p95 = (double) server.getAttribute(finish, "P95Millis");
        assertThat(mean).isGreaterThan(0);
        // one sample: its percentile is that sample, within the histogram's precision
        assertThat(p95).isCloseTo(mean, org.assertj.core.data.Percentage.withPercentage(15));
        assertThat(server.queryNames(new ObjectName("org.imageproc:context=" + CONTEXT + ",type=steps,*"), null))
                .extracting(name -> name.getKeyProperty("name"))
                .contains("read-image", "extract-metadata", "check-image", "store-metadata", "detect-labels",
                        "make-thumbnail", "finish-execution");
    }

    @Test
    void camelsOwnRouteMBeansAreThereUnderTheirRouteIds() throws JMException {
        var server = ManagementFactory.getPlatformMBeanServer();
        ObjectName flow = new ObjectName("org.apache.camel:context=" + CONTEXT + ",type=routes,name=\"process-image\"");

        assertThat(server.getAttribute(flow, "ExchangesTotal")).isEqualTo(2L);
        assertThat(server.queryNames(new ObjectName("org.apache.camel:context=" + CONTEXT + ",type=consumers,*"), null))
                .isNotEmpty();
    }

    @Test
    void remoteJmxServesTheSameFiguresToJconsole() throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://localhost:" + jmxPort + "/jmxrmi");
        try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
            MBeanServerConnection connection = connector.getMBeanServerConnection();
            assertThat(connection.getAttribute(new ObjectName("org.imageproc:context=" + CONTEXT + ",type=pipeline"),
                    "ImagesSucceeded")).isEqualTo(1L);
        }
    }

    @Test
    void jolokiaReadsMBeansOverHttp() throws Exception {
        JsonNode read = json("observe/jolokia/read/org.imageproc:context=" + CONTEXT + ",type=pipeline/ImagesFailed");
        assertThat(read.get("status").asInt()).isEqualTo(200);
        assertThat(read.get("value").asLong()).isEqualTo(1);

        JsonNode route = json("observe/jolokia/read/org.apache.camel:context=" + CONTEXT
                + ",type=routes,name=%22process-image%22/ExchangesCompleted");
        assertThat(route.get("value").asLong()).isEqualTo(2);
    }

    @Test
    void jolokiaRefusesOperationsAndWrites() throws Exception {
        JsonNode stop = json("observe/jolokia/exec/org.apache.camel:context=" + CONTEXT
                + ",type=routes,name=%22process-image%22/stop()");
        assertThat(stop.get("status").asInt()).isEqualTo(403);
        JsonNode write = json("observe/jolokia/write/org.apache.camel:context=" + CONTEXT
                + ",type=routes,name=%22process-image%22/Description/changed");
        assertThat(write.get("status").asInt()).isEqualTo(403);

        assertThat(service.context().getRouteController().getRouteStatus("process-image").isStarted()).isTrue();
    }

    @Test
    void prometheusShowsThePipelineFigures() throws Exception {
        HttpResponse<String> response = get("observe/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = response.body().lines().toList();

        assertThat(lines).contains("imageproc_images_processed_total 2.0", "imageproc_images_succeeded_total 1.0",
                "imageproc_images_failed_total{reason=\"CorruptImage\"} 1.0", "imageproc_images_inflight 0.0");
        assertThat(lines).anyMatch(line -> line.startsWith(
                "imageproc_step_duration_seconds{step=\"make-thumbnail\",quantile=\"0.95\"} "));
        assertThat(lines).contains("imageproc_step_duration_seconds_count{step=\"make-thumbnail\"} 2",
                "imageproc_step_failures_total{step=\"make-thumbnail\"} 1.0");
        // the service's DynamoDB calls by operation: each item claimed once, its metadata stored, then the result
        assertThat(lines).contains("imageproc_dynamodb_requests_total{operation=\"PutItem\"} 2.0")
                .contains("imageproc_dynamodb_requests_total{operation=\"UpdateItem\"} 4.0");
        // Camel's own route figures beside ours
        assertThat(lines).anyMatch(line -> line.startsWith("camel_exchanges_total{") && line.contains("process-image"));
    }

    @Test
    void livenessAndReadinessAreUpWhenTheAwsResourcesAnswer() throws Exception {
        HttpResponse<String> live = get("observe/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(live.body()).get("status").asText()).isEqualTo("UP");

        HttpResponse<String> ready = get("observe/health/ready?exposureLevel=full");
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode readiness = JSON.readTree(ready.body());
        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        // readiness covers the SQS consumer itself and the AWS resources, not only the context
        assertThat(readiness.get("checks")).extracting(check -> check.get("name").asText())
                .contains("context", "aws-resources", "consumer:consume-image-events", "route:process-image");
    }

    @Test
    void everyRouteHasAnExplicitIdSoItsMBeansAndMetricsKeepTheirNames() {
        assertThat(service.context().getRoutes()).extracting(org.apache.camel.Route::getRouteId)
                .isNotEmpty()
                .noneMatch(id -> id.matches("route\\d+"))
                .contains("consume-image-events", "process-image", "get-openapi");
    }

    @Test
    void readinessIsDownWithTheReasonWhenAResourceIsMissing() {
        AwsReadinessCheck check = new AwsReadinessCheck(service.aws(), new Probes(service.sqs(), service.s3(),
                service.dynamoDb(), "image-events", TestService.BUCKET, List.of("ImageMetadata", "NoSuchTable")));
        check.setCamelContext(service.context());

        HealthCheck.Result result = check.call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .startsWith("Cannot reach table NoSuchTable"));
        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).isFalse();
    }

    private static ObjectName step(String step) throws JMException {
        return new ObjectName("org.imageproc:context=" + CONTEXT + ",type=steps,name=" + step);
    }

    private static Map<String, Long> byReason(TabularData table) {
        Map<String, Long> byReason = new java.util.TreeMap<>();
        for (Object row : table.values()) {
            CompositeData entry = (CompositeData) row;
            byReason.put((String) entry.get("key"), (Long) entry.get("value"));
        }
        return byReason;
    }

    private static void put(String id, byte[] bytes) {
        service.s3().putObject(r -> r.bucket(TestService.BUCKET).key("Incoming/" + id), RequestBody.fromBytes(bytes));
    }

    private static JsonNode json(String path) throws IOException, InterruptedException {
        return JSON.readTree(get(path).body());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(service.management().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
