package org.imageproc.detector.ort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An ONNX graph being built node by node, written out as a ModelProto (field numbers from onnx.proto). */
final class OnnxGraph {

    static final int OPSET = 18;
    private static final int IR_VERSION = 8;
    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final List<ProtoWriter> inputs = new ArrayList<>();
    private final List<ProtoWriter> outputs = new ArrayList<>();
    private final Map<String, Integer> opCounts = new HashMap<>();
    private final Set<String> names = new HashSet<>();

    /** A name no other value of the graph has, based on {@code base}. */
    String fresh(String base) {
        String name = base;
        for (int i = 1; !names.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** Adds a node; an empty input name is an omitted optional input. */
    void node(String op, List<String> inputNames, List<String> outputNames, List<ProtoWriter> attributes) {
        ProtoWriter node = new ProtoWriter();
        inputNames.forEach(input -> node.string(1, input));
        outputNames.forEach(output -> node.string(2, output));
        node.string(3, outputNames.get(0)).string(4, op);
        attributes.forEach(attribute -> node.message(5, attribute));
        nodes.add(node);
        opCounts.merge(op, 1, Integer::sum);
    }

    /** Adds a constant under a fresh name based on {@code base} and returns that name. */
    String initializer(String base, Constant constant) {
        String name = fresh(base);
        ProtoWriter tensor = new ProtoWriter();
        for (int dim : constant.shape()) {
            tensor.varint(1, dim);
        }
        tensor.varint(2, constant.isFloat() ? FLOAT : INT64).string(8, name).bytes(9, constant.rawData());
        initializers.add(tensor);
        return name;
    }

    void input(String name, int[] shape) {
        names.add(name);
        inputs.add(valueInfo(name, shape));
    }

    void output(String name) {
        outputs.add(valueInfo(name, null));
    }

    /** How many nodes of each op the graph has. */
    Map<String, Integer> opCounts() {
        return Map.copyOf(opCounts);
    }

    byte[] model(String producer) {
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(node -> graph.message(1, node));
        graph.string(2, producer);
        initializers.forEach(tensor -> graph.message(5, tensor));
        inputs.forEach(input -> graph.message(11, input));
        outputs.forEach(output -> graph.message(12, output));
        return new ProtoWriter().varint(1, IR_VERSION).string(2, producer).message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, OPSET)).toByteArray();
    }

    /** A float tensor's name and type; no shape when {@code shape} is null (ONNX Runtime infers it). */
    private static ProtoWriter valueInfo(String name, int[] shape) {
        ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT);
        if (shape != null) {
            ProtoWriter dims = new ProtoWriter();
            for (int dim : shape) {
                dims.message(1, new ProtoWriter().varint(1, dim));
            }
            tensorType.message(2, dims);
        }
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }

    static ProtoWriter ints(String name, long... values) {
        ProtoWriter attribute = new ProtoWriter().string(1, name);
        for (long value : values) {
            attribute.varint(8, value);
        }
        return attribute.varint(20, 7);
    }

    static ProtoWriter integer(String name, long value) {
        return new ProtoWriter().string(1, name).varint(3, value).varint(20, 2);
    }

    static ProtoWriter decimal(String name, float value) {
        return new ProtoWriter().string(1, name).float32(2, value).varint(20, 1);
    }

    static ProtoWriter text(String name, String value) {
        return new ProtoWriter().string(1, name).string(4, value).varint(20, 3);
    }
}
