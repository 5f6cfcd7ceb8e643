package org.imageproc.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.imageproc.testing.DynamoDbRequests;

/** A service's management server (/observe): readiness, and its imageproc_* counters from the Prometheus text. */
final class Management {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The counter {@link #dynamoDbRequests} reads. */
    static final String DYNAMODB_REQUESTS = "imageproc_dynamodb_requests_total";

    private final URI base;

    Management(int port) {
        this.base = URI.create("http://127.0.0.1:" + port + "/observe/");
    }

    /** Waits until readiness answers 200: the routes run and the queue, bucket and tables answer. */
    void awaitReady(ServiceProcess service, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new IllegalStateException("The service exited during startup; see " + service.log());
            }
            try {
                if (get("health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the management server is not listening yet
            }
            // often enough to time a start of a few seconds to within a few percent
            Thread.sleep(50);
        }
        throw new IllegalStateException("The service was not ready within " + timeout + "; see " + service.log());
    }

    /**
     * Each imageproc_images_* series summed over its labels, by name without the prefix and "_total":
     * succeeded, processed, duplicates, superseded, failed, inflight.
     */
    Map<String, Double> imageCounters() throws IOException, InterruptedException {
        Map<String, Double> counters = new TreeMap<>();
        for (String line : metrics()) {
            if (line.startsWith("imageproc_images_")) {
                String name = line.substring("imageproc_images_".length()).split("[{ ]", 2)[0].replace("_total", "");
                counters.merge(name, value(line), Double::sum);
            }
        }
        return counters;
    }

    /** The service's DynamoDB calls so far by operation (PutItem, UpdateItem, GetItem...); none without the counter. */
    DynamoDbRequests dynamoDbRequests() throws IOException, InterruptedException {
        return DynamoDbRequests.parse(get("metrics").body());
    }

    private List<String> metrics() throws IOException, InterruptedException {
        return get("metrics").body().lines().toList();
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
