package org.imageproc.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
        // two requests at once: one decodes while the other runs the model, which uses every core
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
                reply(exchange, 400, e.body());
            } catch (RuntimeException | OutOfMemoryError e) {
                // answered like Rekognition's own server errors, so the caller retries instead of waiting on a dead exchange
                LOG.warn("DetectLabels failed", e);
                reply(exchange, 500, new RekognitionError.Body("InternalServerError", String.valueOf(e.getMessage())));
            }
        }
    }

    private DetectLabelsResponse detectLabels(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!"POST".equals(exchange.getRequestMethod()) || !TARGET.equals(target)) {
            throw new RekognitionError(RekognitionError.UNKNOWN_OPERATION,
                    "This local Rekognition answers only POST " + TARGET + ", not " + target);
        }
        DetectLabelsRequest request = DetectLabelsRequest.read(exchange.getRequestBody());
        byte[] image = request.bytes() != null ? inline(request.bytes()) : images.read(request.bucket(), request.key());
        ImageFormat format = ImageFormat.detect(image);
        if (!format.supported()) {
            throw new RekognitionError(RekognitionError.INVALID_IMAGE_FORMAT,
                    "Request has invalid image format: " + format.displayName() + "; JPEG and PNG are supported");
        }
        try {
            return DetectLabelsResponse.of(labels.detect(image, format, request.maxLabels(), request.minConfidence()),
                    labels.modelVersion());
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

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = RekognitionJson.MAPPER.writeValueAsBytes(body);
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
