package org.imageproc.detector.ort;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A TensorFlow.js graph model as read from model.json (a GraphDef in protobuf JSON plus a weights manifest) and its
 * weights file: float16-quantized weights widened to float, integer constants of any width held as long.
 *
 * @param constants the Const nodes' values by node name
 * @param outputs   the signature's outputs, node names
 */
record TfjsModel(List<Node> nodes, Map<String, Constant> constants, List<String> outputs) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One node of the graph; {@code attr} is its attribute map in protobuf JSON. */
    record Node(String name, String op, List<String> inputs, JsonNode attr) {

        long[] ints(String key) {
            JsonNode list = attr.path(key).path("list").path("i");
            long[] values = new long[list.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Long.parseLong(list.get(i).asText());
            }
            return values;
        }

        String text(String key) {
            return new String(Base64.getDecoder().decode(attr.path(key).path("s").asText("")));
        }

        float decimal(String key) {
            return (float) attr.path(key).path("f").asDouble();
        }

        boolean flag(String key) {
            return attr.path(key).path("b").asBoolean(false);
        }
    }

    /** Reads model.json and its weights file from streams the caller closes. */
    static TfjsModel read(InputStream modelJson, InputStream weights) {
        try {
            JsonNode model = JSON.readTree(modelJson);
            if (!"graph-model".equals(model.path("format").asText())) {
                throw new IllegalArgumentException("Not a TFJS graph model: format is '"
                        + model.path("format").asText() + "'");
            }
            return read(model, ByteBuffer.wrap(weights.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the TFJS model", e);
        }
    }

    private static TfjsModel read(JsonNode model, ByteBuffer weights) {
        Map<String, Constant> constants = constants(model.path("weightsManifest"), weights);
        List<Node> nodes = new ArrayList<>();
        for (JsonNode node : model.path("modelTopology").path("node")) {
            List<String> inputs = new ArrayList<>();
            node.path("input").forEach(input -> inputs.add(input.asText()));
            Node parsed = new Node(node.path("name").asText(), node.path("op").asText(), inputs, node.path("attr"));
            if (parsed.op().equals("Const") && !constants.containsKey(parsed.name())) {
                throw new IllegalArgumentException("Const node " + parsed.name() + " has no weights in the manifest");
            }
            nodes.add(parsed);
        }
        List<String> outputs = new ArrayList<>();
        model.path("signature").path("outputs").fieldNames().forEachRemaining(name ->
                outputs.add(name.replaceFirst(":0$", "")));
        return new TfjsModel(nodes, constants, outputs.stream().sorted().toList());
    }

    /** The manifest's weights, in order, each read from its slice of the weights file. */
    private static Map<String, Constant> constants(JsonNode manifest, ByteBuffer weights) {
        Map<String, Constant> constants = new HashMap<>();
        for (JsonNode group : manifest) {
            for (JsonNode weight : group.path("weights")) {
                int[] shape = new int[weight.path("shape").size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = weight.path("shape").get(i).asInt();
                }
                String stored = weight.path("quantization").path("dtype").asText(weight.path("dtype").asText());
                constants.put(weight.path("name").asText(), read(weights, stored, shape));
            }
        }
        if (weights.hasRemaining()) {
            throw new IllegalArgumentException("The weights file has " + weights.remaining()
                    + " bytes more than the manifest describes");
        }
        return constants;
    }

    private static Constant read(ByteBuffer weights, String storedType, int[] shape) {
        int count = Constant.size(shape);
        if (weights.remaining() < count * (storedType.equals("float16") ? 2 : 4)) {
            throw new IllegalArgumentException("The weights file ends before the manifest's last weights");
        }
        switch (storedType) {
            case "float16" -> {
                float[] values = new float[count];
                for (int i = 0; i < count; i++) {
                    values[i] = HalfFloat.toFloat(weights.getShort());
                }
                return Constant.ofFloats(shape, values);
            }
            case "float32" -> {
                float[] values = new float[count];
                weights.asFloatBuffer().get(values);
                weights.position(weights.position() + 4 * count);
                return Constant.ofFloats(shape, values);
            }
            case "int32" -> {
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    values[i] = weights.getInt();
                }
                return Constant.ofLongs(shape, values);
            }
            default -> throw new IllegalArgumentException("Unsupported TFJS weight type " + storedType);
        }
    }
}
