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
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's management server (/observe): readiness, and its imageproc_* counters from the Prometheus text. */
final class Management {

    /** The DynamoDB operations that write. */
    static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems");
    private static final String DYNAMODB_REQUESTS = "imageproc_dynamodb_requests_total{";
    private static final Pattern OPERATION = Pattern.compile("operation=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

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
            Thread.sleep(500);
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

    /** The service's DynamoDB calls so far by operation (PutItem, UpdateItem, GetItem...). */
    Map<String, Double> dynamoDbRequests() throws IOException, InterruptedException {
        Map<String, Double> requests = new TreeMap<>();
        for (String line : metrics()) {
            Matcher operation = OPERATION.matcher(line);
            if (line.startsWith(DYNAMODB_REQUESTS) && operation.find()) {
                requests.merge(operation.group(1), value(line), Double::sum);
            }
        }
        return requests;
    }

    /** Of {@link #dynamoDbRequests()}, the calls that write an item ({@link #WRITES}). */
    static double writes(Map<String, Double> requests) {
        return requests.entrySet().stream().filter(entry -> WRITES.contains(entry.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
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
