package org.imageproc.testing;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The packaged jar ({@code target/imageproc.jar}) run as users run it, in local mode on free ports with a fresh data
 * directory, plus the SDK clients to reach its embedded stack; closing it kills whatever is left of the process.
 */
public final class ServiceJar implements AutoCloseable {

    private final Process process;
    private final List<String> output;
    private final Layout layout;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private S3Client s3;
    private SqsClient sqs;
    private DynamoDbClient dynamoDb;

    /** Where a run keeps its data and listens; a second run on the same layout finds the first one's data. */
    public record Layout(Path dataDir, int s3Port, int sqsPort, int dynamoDbPort, int rekognitionPort, int webPort,
            int managementPort) {

        /** A fresh data directory under target/test-data and free ports. */
        public static Layout fresh() throws IOException {
            return new Layout(Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "jar-"),
                    freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        }
    }

    private ServiceJar(Process process, List<String> output, Layout layout) {
        this.process = process;
        this.output = output;
        this.layout = layout;
    }

    /**
     * Starts the jar with {@code -Dkey=value} for each property and the given environment, and waits until Camel
     * reports it started.
     */
    public static ServiceJar start(Map<String, String> properties, Map<String, String> environment) throws IOException {
        return start(Layout.fresh(), properties, environment);
    }

    /** As {@link #start(Map, Map)}, on the given data directory and ports. */
    public static ServiceJar start(Layout layout, Map<String, String> properties, Map<String, String> environment)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-Dimageproc.data-dir=" + layout.dataDir().toAbsolutePath(),
                "-Dimageproc.local.s3-port=" + layout.s3Port(),
                "-Dimageproc.local.sqs-port=" + layout.sqsPort(),
                "-Dimageproc.local.dynamodb-port=" + layout.dynamoDbPort(),
                "-Dimageproc.local.rekognition-port=" + layout.rekognitionPort(),
                "-Dimageproc.web.port=" + layout.webPort(),
                "-Dimageproc.management.port=" + layout.managementPort()));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", Path.of("target", "imageproc.jar").toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        List<String> output = new CopyOnWriteArrayList<>();
        ServiceJar jar = new ServiceJar(builder.start(), output, layout);
        Thread reader = new Thread(jar::collectOutput, "imageproc-output");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(90)).until(
                () -> output.stream().anyMatch(line -> line.contains("(imageproc) started")) || !jar.process.isAlive());
        return jar;
    }

    public Layout layout() {
        return layout;
    }

    /** The process as the operating system sees it, to signal it. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** The management server's base URI (health, metrics under /observe), ending in a slash. */
    public URI management() {
        return URI.create("http://127.0.0.1:" + layout.managementPort() + "/");
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the service printed so far. */
    public List<String> output() {
        return List.copyOf(output);
    }

    /** The last lines printed, for assertion messages. */
    public String tail() {
        return String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size()));
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = client(S3Client.builder().forcePathStyle(true), layout.s3Port());
        }
        return s3;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = client(SqsClient.builder(), layout.sqsPort());
        }
        return sqs;
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = client(DynamoDbClient.builder(), layout.dynamoDbPort());
        }
        return dynamoDb;
    }

    /** The image's item in ImageMetadata, read consistently; empty when there is none. */
    public Map<String, AttributeValue> item(String imageId) {
        return dynamoDb().getItem(r -> r.tableName("ImageMetadata")
                .key(Map.of("imageID", AttributeValue.fromS(imageId))).consistentRead(true)).item();
    }

    /** Waits until the image's run reached SUCCEEDED or FAILED, and returns its item. */
    public Map<String, AttributeValue> awaitFinal(String imageId, Duration atMost) {
        await().atMost(atMost).until(() -> {
            Map<String, AttributeValue> item = item(imageId);
            return item.containsKey("status") && !"RUNNING".equals(item.get("status").s());
        });
        return item(imageId);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends AutoCloseable> C client(
            B builder, int port) {
        C client = builder.region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .build();
        clients.add(client);
        return client;
    }

    private void collectOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(output::add);
        } catch (IOException | UncheckedIOException e) {
            // the stream closes when the process is killed; nothing more to read
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
