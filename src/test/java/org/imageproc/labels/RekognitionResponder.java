package org.imageproc.labels;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small Rekognition-compatible DetectLabels server for tests (AWS JSON 1.1 over HTTP), until the real local
 * detector exists: it answers every image with the same two labels, refuses keys containing "refuse-labels" the way
 * Rekognition refuses a bad image, fails with a server error for keys containing "labels-down" or a part a test
 * {@link #fail}s, and for the first four calls for keys containing "labels-flaky", answers keys containing a part a
 * test {@link #delay}s only after {@link #SLOW_SECONDS} (faults the real service cannot be made to produce) unless, or
 * until, a test {@link #heal}s them, and remembers each request so tests can check what the service asked for.
 */
public final class RekognitionResponder implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LABELS = """
            {"LabelModelVersion":"3.0","Labels":[
              {"Name":"Dog","Confidence":97.5,"Parents":[{"Name":"Animal"},{"Name":"Pet"}],
               "Instances":[{"Confidence":97.5,"BoundingBox":{"Width":0.5,"Height":0.4,"Left":0.1,"Top":0.2}}],
               "Categories":[{"Name":"Animals and Pets"}]},
              {"Name":"Animal","Confidence":97.5,"Parents":[],"Instances":[],"Categories":[{"Name":"Animals and Pets"}]}
            ]}""";

    private final HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    // more than the SDK's own attempts, so the first delivery fails and Camel's redelivery must succeed
    private static final int FLAKY_FAILURES = 4;
    /** How long a "labels-slow" key waits for its answer: longer than a test's whole trip to the dead-letter queue. */
    public static final int SLOW_SECONDS = 60;
    private final Map<String, Integer> flakyFailures = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Set<String> slow = ConcurrentHashMap.newKeySet();
    private final Set<String> healed = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads;

    private RekognitionResponder(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    public static RekognitionResponder start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            // a slow answer must not hold up the others
            ExecutorService threads = Executors.newCachedThreadPool();
            server.setExecutor(threads);
            RekognitionResponder responder = new RekognitionResponder(server, threads);
            server.createContext("/", responder::handle);
            server.start();
            return responder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on, keys containing {@code keyPart} get a server error, as "labels-down" keys do. */
    public void fail(String keyPart) {
        failing.add(keyPart);
    }

    /** From now on, keys containing {@code keyPart} are answered after {@link #SLOW_SECONDS} only. */
    public void delay(String keyPart) {
        slow.add(keyPart);
    }

    /** From now on, keys containing {@code keyPart} are answered at once with the labels, whatever else they contain. */
    public void heal(String keyPart) {
        healed.add(keyPart);
    }

    /** From now on, keys containing {@code keyPart} are answered with these labels (without parents) instead. */
    public void answer(String keyPart, String... labels) {
        StringBuilder json = new StringBuilder("{\"LabelModelVersion\":\"3.0\",\"Labels\":[");
        for (int i = 0; i < labels.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"Name\":\"").append(labels[i])
                    .append("\",\"Confidence\":90.0,\"Parents\":[],\"Instances\":[],\"Categories\":[]}");
        }
        answers.put(keyPart, json.append("]}").toString());
    }

    /** The DetectLabels requests received so far, as JSON. */
    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        if (!"RekognitionService.DetectLabels".equals(target)) {
            reply(exchange, 400, "{\"__type\":\"UnknownOperationException\",\"message\":\"" + target + "\"}");
            return;
        }
        requests.add(request);
        String key = request.path("Image").path("S3Object").path("Name").asText();
        if (healed.stream().anyMatch(key::contains)) {
            reply(exchange, 200, LABELS);
            return;
        }
        if (slow.stream().anyMatch(key::contains)) {
            // a key healed meanwhile is answered at once
            long until = System.nanoTime() + SLOW_SECONDS * 1_000_000_000L;
            while (System.nanoTime() < until && healed.stream().noneMatch(key::contains)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (key.contains("labels-down") || failing.stream().anyMatch(key::contains)) {
            reply(exchange, 500, "{\"__type\":\"InternalServerError\",\"Message\":\"Label service unavailable\"}");
            return;
        }
        if (key.contains("labels-flaky") && flakyFailures.merge(key, 1, Integer::sum) <= FLAKY_FAILURES) {
            reply(exchange, 500, "{\"__type\":\"InternalServerError\",\"Message\":\"Label service hiccup\"}");
            return;
        }
        if (key.contains("refuse-labels")) {
            reply(exchange, 400, "{\"__type\":\"InvalidImageFormatException\","
                    + "\"Message\":\"Request has unsupported image format\"}");
            return;
        }
        reply(exchange, 200, answers.entrySet().stream().filter(answer -> key.contains(answer.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(LABELS));
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
