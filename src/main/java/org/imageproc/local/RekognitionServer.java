package org.imageproc.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.imageproc.detector.DetectedLabel;
import org.imageproc.detector.LabelBox;
import org.imageproc.detector.LocalLabels;
import org.imageproc.imaging.ImageFormat;
import org.imageproc.run.ImageRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rekognition's DetectLabels on a loopback port (AWS JSON 1.1: POST, {@code X-Amz-Target:
 * RekognitionService.DetectLabels}), answered by the local detector; images come inline or from the embedded S3.
 */
final class RekognitionServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RekognitionServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "RekognitionService.DetectLabels";
    /** Rekognition's limit for an image passed as bytes. */
    static final int MAX_INLINE_BYTES = 5 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService workers;
    private final LocalLabels labels;
    private final S3Images images;

    private RekognitionServer(HttpServer server, ExecutorService workers, LocalLabels labels, S3Images images) {
        this.server = server;
        this.workers = workers;
        this.labels = labels;
        this.images = images;
    }

    static RekognitionServer start(String host, int port, LocalLabels labels, S3Images images) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        // the model uses two cores per image already; more parallel images would only queue inside TensorFlow
        ExecutorService workers = Executors.newFixedThreadPool(2);
        RekognitionServer rekognition = new RekognitionServer(server, workers, labels, images);
        server.createContext("/", rekognition::handle);
        server.setExecutor(workers);
        server.start();
        return rekognition;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                reply(exchange, 200, detectLabels(exchange));
            } catch (RekognitionError e) {
                reply(exchange, 400, error(e.type(), e.getMessage()));
            } catch (RuntimeException | OutOfMemoryError e) {
                // answered like Rekognition's own server errors, so the caller retries instead of waiting on a dead exchange
                LOG.warn("DetectLabels failed", e);
                reply(exchange, 500, error("InternalServerError", String.valueOf(e.getMessage())));
            }
        }
    }

    private ObjectNode detectLabels(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!"POST".equals(exchange.getRequestMethod()) || !TARGET.equals(target)) {
            throw new RekognitionError(RekognitionError.UNKNOWN_OPERATION,
                    "This local Rekognition answers only POST " + TARGET + ", not " + target);
        }
        JsonNode json;
        try {
            json = JSON.readTree(exchange.getRequestBody());
        } catch (JsonProcessingException e) {
            throw new RekognitionError(RekognitionError.SERIALIZATION, "The request body is not JSON");
        }
        DetectLabelsRequest request = DetectLabelsRequest.parse(json == null ? JSON.createObjectNode() : json);
        byte[] image = request.bytes() != null ? inline(request.bytes()) : images.read(request.bucket(), request.key());
        ImageFormat format = ImageFormat.detect(image);
        if (!format.supported()) {
            throw new RekognitionError(RekognitionError.INVALID_IMAGE_FORMAT,
                    "Request has invalid image format: " + format.displayName() + "; JPEG and PNG are supported");
        }
        try {
            return response(labels.detect(image, format, request.maxLabels(), request.minConfidence()));
        } catch (ImageRejectedException e) {
            throw new RekognitionError(RekognitionError.INVALID_IMAGE_FORMAT, e.getMessage());
        }
    }

    private static byte[] inline(byte[] bytes) {
        if (bytes.length > MAX_INLINE_BYTES) {
            throw new RekognitionError(RekognitionError.IMAGE_TOO_LARGE, "Image.Bytes is " + bytes.length
                    + " bytes; Rekognition takes at most " + MAX_INLINE_BYTES + " inline");
        }
        return bytes;
    }

    private ObjectNode response(List<DetectedLabel> detected) {
        ObjectNode response = JSON.createObjectNode();
        ArrayNode labelArray = response.putArray("Labels");
        for (DetectedLabel label : detected) {
            ObjectNode node = labelArray.addObject().put("Name", label.name()).put("Confidence", label.confidence());
            ArrayNode instances = node.putArray("Instances");
            for (LabelBox instance : label.instances()) {
                ObjectNode item = instances.addObject();
                item.putObject("BoundingBox")
                        .put("Width", instance.box().width()).put("Height", instance.box().height())
                        .put("Left", instance.box().left()).put("Top", instance.box().top());
                item.put("Confidence", instance.confidence());
            }
            ArrayNode parents = node.putArray("Parents");
            label.parents().forEach(parent -> parents.addObject().put("Name", parent));
            node.putArray("Aliases");
            ArrayNode categories = node.putArray("Categories");
            label.categories().forEach(category -> categories.addObject().put("Name", category));
        }
        response.put("LabelModelVersion", labels.modelVersion());
        return response;
    }

    private static ObjectNode error(String type, String message) {
        return JSON.createObjectNode().put("__type", type).put("Message", message);
    }

    private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        images.close();
        labels.close();
    }
}
