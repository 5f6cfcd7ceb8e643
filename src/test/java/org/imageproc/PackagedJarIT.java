package org.imageproc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.imageproc.memory.CollectorAdvice;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The packaged jar as a user runs it (the README's {@code java -XX:SharedArchiveFile=target/imageproc.jsa
 * -XX:-G1UseAdaptiveIHOP -jar target/imageproc.jar}, local mode, 256 MB heap): the class-data archive the build made
 * fits the jar, and the service processes an upload, stops cleanly on SIGTERM leaving no child process, and finds
 * its data again after a restart; killed with SIGKILL it leaves no child behind either, and the next start has the
 * data directory and the ports.
 */
@Tag("detector")
class PackagedJarIT {

    // generous: other builds on the 2-core machine slow a start several times
    private static final Duration STARTUP = Duration.ofMinutes(2);

    private static final Path ARCHIVE = Path.of("target", "imageproc.jsa");

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void processesAnUploadStopsCleanlyAndKeepsItsDataAcrossARestart() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "jar-");
        int s3Port = freePort();
        int dynamoDbPort = freePort();
        int webPort = freePort();
        List<String> output = new CopyOnWriteArrayList<>();

        Process service = start(dataDir, s3Port, freePort(), dynamoDbPort, webPort, output);
        try (S3Client s3 = client(S3Client.builder().forcePathStyle(true), s3Port);
                DynamoDbClient dynamoDb = client(DynamoDbClient.builder(), dynamoDbPort)) {
            await().atMost(STARTUP).until(() -> output.stream().anyMatch(l -> l.contains("(imageproc) started")));
            s3.putObject(r -> r.bucket("photo-repo").key("Incoming/jar.jpg"),
                    RequestBody.fromBytes(TestImages.jpeg(1200, 900)));
            await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCEEDED".equals(status(dynamoDb)));
            // local mode labels with the bundled detector, within -Xmx256m
            assertThat(item(dynamoDb).get("labelModelVersion").s()).startsWith("nanodet-g-416");
            assertThat(item(dynamoDb).get("steps").m().get("detect-labels").m().get("status").s())
                    .isEqualTo("SUCCEEDED");
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(page.body()).contains("<title>imageproc</title>");

            List<ProcessHandle> children = service.descendants().toList();
            assertThat(children).as("the dynalite node process").isNotEmpty();
            service.destroy();
            assertThat(service.waitFor(40, TimeUnit.SECONDS)).as("exits within 40 s of SIGTERM\n" + tail(output)).isTrue();
            assertThat(children).noneMatch(ProcessHandle::isAlive);
            assertThat(output).noneMatch(line -> line.contains("OutOfMemoryError"));
            assertThat(output).as("the JVM's warnings, the class-data archive's among them")
                    .noneMatch(line -> line.contains("[warning]"));
            assertThat(output).as("started as the README says: no collector advice")
                    .noneMatch(line -> line.contains("adaptive marking threshold"));
        }

        output.clear();
        start(dataDir, s3Port, freePort(), dynamoDbPort, webPort, output);
        try (S3Client s3 = client(S3Client.builder().forcePathStyle(true), s3Port);
                DynamoDbClient dynamoDb = client(DynamoDbClient.builder(), dynamoDbPort)) {
            await().atMost(STARTUP).until(() -> output.stream().anyMatch(l -> l.contains("(imageproc) started")));
            assertThat(status(dynamoDb)).isEqualTo("SUCCEEDED");
            assertThat(s3.headObject(r -> r.bucket("photo-repo").key("Thumbnails/jar.jpg")).contentType())
                    .isEqualTo("image/jpeg");
        }
    }

    @Test
    void killMinus9LeavesNoChildBehindAndTheNextStartOwnsTheDataAndThePortsAgain() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "jar-");
        int s3Port = freePort();
        int sqsPort = freePort();
        int dynamoDbPort = freePort();
        int webPort = freePort();
        List<String> output = new CopyOnWriteArrayList<>();

        Process service = start(dataDir, s3Port, sqsPort, dynamoDbPort, webPort, output);
        await().atMost(STARTUP).until(() -> output.stream().anyMatch(l -> l.contains("(imageproc) started")));
        List<ProcessHandle> children = service.descendants().toList();
        assertThat(children).as("the dynalite node process").isNotEmpty();
        service.destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        try (ServerSocket dynamoDb = new ServerSocket(dynamoDbPort, 1, InetAddress.getLoopbackAddress())) {
            assertThat(dynamoDb.getLocalPort()).as("the local DynamoDB's port is free").isEqualTo(dynamoDbPort);
        }

        output.clear();
        Process next = start(dataDir, s3Port, sqsPort, dynamoDbPort, webPort, output);
        await().atMost(STARTUP).until(() -> output.stream().anyMatch(l -> l.contains("(imageproc) started"))
                || !next.isAlive());
        assertThat(next.isAlive()).as("a start on the same data and ports\n" + tail(output)).isTrue();
    }

    private Process start(Path dataDir, int s3Port, int sqsPort, int dynamoDbPort, int webPort, List<String> output)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", CollectorAdvice.OPTION));
        // mvn -Dcds.skip builds no archive; otherwise -Xshare:on makes an archive that does not fit the jar (or this
        // java) an error at launch instead of the warning a user would get, after which the JVM goes without it
        if (!Boolean.getBoolean("cds.skip")) {
            assertThat(ARCHIVE).as("the class-data archive mvn package makes").isRegularFile();
            command.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE.toAbsolutePath()));
        }
        command.addAll(List.of(
                "-Dimageproc.data-dir=" + dataDir.toAbsolutePath(),
                "-Dimageproc.local.s3-port=" + s3Port,
                "-Dimageproc.local.sqs-port=" + sqsPort,
                "-Dimageproc.local.dynamodb-port=" + dynamoDbPort,
                "-Dimageproc.local.rekognition-port=" + freePort(),
                "-Dimageproc.web.port=" + webPort,
                "-Dimageproc.management.port=" + freePort(),
                "-jar", Path.of("target", "imageproc.jar").toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(process);
        Thread reader = new Thread(() -> collect(process, output), "imageproc-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private static void collect(Process process, List<String> output) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(output::add);
        } catch (IOException | UncheckedIOException e) {
            // the stream closes when the process is killed after a failed test; nothing more to read
        }
    }

    private static String status(DynamoDbClient dynamoDb) {
        Map<String, AttributeValue> item = item(dynamoDb);
        return item.containsKey("status") ? item.get("status").s() : null;
    }

    private static Map<String, AttributeValue> item(DynamoDbClient dynamoDb) {
        return dynamoDb.getItem(r -> r.tableName("ImageMetadata")
                .key(Map.of("imageID", AttributeValue.fromS("jar.jpg"))).consistentRead(true)).item();
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
            & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C> C client(B builder, int port) {
        return builder.region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(List<String> output) {
        return String.join("\n", output.subList(Math.max(0, output.size() - 30), output.size()));
    }
}
