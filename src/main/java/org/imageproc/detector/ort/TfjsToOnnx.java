package org.imageproc.detector.ort;

import static org.imageproc.detector.ort.OnnxGraph.decimal;
import static org.imageproc.detector.ort.OnnxGraph.ints;
import static org.imageproc.detector.ort.OnnxGraph.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a TFJS graph that onnx-tf exported from ONNX back into an ONNX model, NCHW throughout. Each TensorFlow value
 * is tracked as an ONNX value plus the permutation between them, so the NHWC<->NCHW transposes around each
 * convolution, pool and resize become bookkeeping instead of nodes; zero (and, before a max pool, -inf) padding is
 * folded into the convolution's or pool's pads. A transpose is written only where an op needs a layout the value is
 * not in (a Reshape, a graph output).
 */
final class TfjsToOnnx {

    /** The converted model and how many nodes of each op it has. */
    record Converted(byte[] model, Map<String, Integer> ops) {

        int nodes() {
            return ops.values().stream().mapToInt(Integer::intValue).sum();
        }

        int transposes() {
            return ops.getOrDefault("Transpose", 0);
        }
    }

    /**
     * A TensorFlow value as held in the ONNX graph: the TensorFlow value is ONNX value {@code name} transposed by
     * {@code perm} (see {@link Layout}), then padded by {@code pads} (ONNX order, physical axes) when not null.
     */
    private record Value(String name, int[] perm, long[] pads, float padValue) {

        Value(String name, int[] perm) {
            this(name, perm, null, 0);
        }
    }

    private final Map<String, TfjsModel.Node> nodes;
    private final ConstantFolding constants;
    private final OnnxGraph graph = new OnnxGraph();
    private final Map<String, Value> values = new HashMap<>();
    private final Map<String, String> materialized = new HashMap<>();

    private TfjsToOnnx(TfjsModel model) {
        this.nodes = model.nodes().stream().collect(Collectors.toMap(TfjsModel.Node::name, Function.identity()));
        this.constants = new ConstantFolding(model.constants(), this::node);
    }

    static Converted convert(TfjsModel model) {
        TfjsToOnnx converter = new TfjsToOnnx(model);
        model.outputs().forEach(converter.graph::fresh);
        for (String output : model.outputs()) {
            Value value = converter.value(output);
            converter.materialize(value, Layout.identity(value.perm().length), output);
            converter.graph.output(output);
        }
        return new Converted(converter.graph.model("imageproc TfjsToOnnx"), converter.graph.opCounts());
    }

    private TfjsModel.Node node(String name) {
        TfjsModel.Node node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("The graph has no node " + name);
        }
        return node;
    }

    /** The value of a tensor reference ("node", "node:1"), converting its node first when needed. */
    private Value value(String ref) {
        String key = ref.endsWith(":0") ? ref.substring(0, ref.length() - 2) : ref;
        Value value = values.get(key);
        if (value != null) {
            return value;
        }
        Constant constant = constants.get(key);
        if (constant != null) {
            value = new Value(graph.initializer(key, constant), Layout.identity(constant.rank()));
        } else {
            convert(node(key.split(":")[0]));
            value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("Node " + key.split(":")[0] + " has no output " + ref);
            }
        }
        values.put(key, value);
        return value;
    }

    private void convert(TfjsModel.Node node) {
        List<String> in = node.inputs().stream().filter(i -> !i.startsWith("^")).toList();
        Value out = switch (node.op()) {
            case "Placeholder" -> input(node);
            case "Identity" -> value(in.get(0));
            case "Transpose" -> transpose(value(in.get(0)), constants.require(in.get(1), node));
            case "Pad", "PadV2" -> pad(node, in);
            case "Conv2D" -> conv(node, in);
            case "MaxPool" -> maxPool(node, in);
            case "ResizeBilinear" -> resize(node, in);
            case "Add", "AddV2" -> binary("Add", node, in);
            case "LeakyRelu" -> unary("LeakyRelu", node, in, List.of(decimal("alpha", node.decimal("alpha"))));
            case "Sigmoid" -> unary("Sigmoid", node, in, List.of());
            case "ConcatV2" -> concat(node, in);
            case "SplitV" -> split(node, in);
            case "Reshape" -> reshape(node, in);
            default -> throw new IllegalArgumentException("Unsupported TFJS op " + node.op() + " (node "
                    + node.name() + ")");
        };
        if (out != null) {
            values.put(node.name(), out);
        }
    }

    private Value input(TfjsModel.Node node) {
        int[] shape = node.attr().path("shape").path("shape").findValues("size").stream()
                .mapToInt(size -> Integer.parseInt(size.asText())).toArray();
        graph.fresh(node.name());
        graph.input(node.name(), shape);
        return new Value(node.name(), Layout.identity(shape.length));
    }

    private static Value transpose(Value value, Constant perm) {
        int[] transpose = Arrays.stream(perm.longs()).mapToInt(Math::toIntExact).toArray();
        return new Value(value.name(), Layout.compose(value.perm(), transpose), value.pads(), value.padValue());
    }

    private Value pad(TfjsModel.Node node, List<String> in) {
        Value value = withoutPads(value(in.get(0)));
        Constant paddings = constants.require(in.get(1), node);
        int rank = value.perm().length;
        long[] pads = new long[2 * rank];
        for (int axis = 0; axis < rank; axis++) {
            pads[value.perm()[axis]] = paddings.longAt(2 * axis);
            pads[rank + value.perm()[axis]] = paddings.longAt(2 * axis + 1);
        }
        float padValue = node.op().equals("PadV2") ? constants.require(in.get(2), node).floats()[0] : 0f;
        return new Value(value.name(), value.perm(), pads, padValue);
    }

    private Value conv(TfjsModel.Node node, List<String> in) {
        requireNhwc(node);
        Constant filter = constants.require(in.get(1), node);
        Window window = window(node, value(in.get(0)), 0f);
        // TensorFlow's filter is HWIO, ONNX's OIHW
        String weights = graph.initializer(node.name() + "/weights", filter.transpose(new int[] {3, 2, 0, 1}));
        String out = graph.fresh(node.name());
        long[] strides = node.ints("strides");
        long[] dilations = node.ints("dilations");
        graph.node("Conv", List.of(window.input(), weights), List.of(out), List.of(
                ints("kernel_shape", filter.shape()[0], filter.shape()[1]),
                ints("strides", strides[1], strides[2]),
                ints("dilations", dilations[1], dilations[2]),
                ints("pads", window.pads())));
        return new Value(out, Layout.NHWC);
    }

    private Value maxPool(TfjsModel.Node node, List<String> in) {
        requireNhwc(node);
        Window window = window(node, value(in.get(0)), Float.NEGATIVE_INFINITY);
        long[] size = node.ints("ksize");
        long[] strides = node.ints("strides");
        String out = graph.fresh(node.name());
        graph.node("MaxPool", List.of(window.input()), List.of(out), List.of(
                ints("kernel_shape", size[1], size[2]), ints("strides", strides[1], strides[2]),
                ints("pads", window.pads())));
        return new Value(out, Layout.NHWC);
    }

    /** A convolution's or pool's input in NCHW and its spatial pads, folded from a Pad of {@code foldValue}. */
    private record Window(String input, long[] pads) {
    }

    private Window window(TfjsModel.Node node, Value value, float foldValue) {
        if (!node.text("padding").equals("VALID")) {
            throw new IllegalArgumentException(node.op() + " node " + node.name() + " has padding "
                    + node.text("padding") + "; only VALID (with explicit Pad nodes) is converted");
        }
        // pads are kept on physical axes, which a transpose would move
        boolean foldable = value.pads() != null && value.padValue() == foldValue
                && Arrays.equals(value.perm(), Layout.NHWC);
        Value padded = foldable ? value : withoutPads(value);
        long[] pads = padded.pads() == null ? new long[8] : padded.pads();
        if (pads[0] != 0 || pads[1] != 0 || pads[4] != 0 || pads[5] != 0) {
            padded = withoutPads(padded);
            pads = new long[8];
        }
        String input = materialize(new Value(padded.name(), padded.perm()), Layout.NHWC, null).name();
        return new Window(input, new long[] {pads[2], pads[3], pads[6], pads[7]});
    }

    private Value resize(TfjsModel.Node node, List<String> in) {
        Value value = materialize(withoutPads(value(in.get(0))), Layout.NHWC, null);
        Constant size = constants.require(in.get(1), node);
        String sizes = graph.initializer(node.name() + "/sizes", Constant.ofLongs(size.longAt(0), size.longAt(1)));
        String mode = node.flag("align_corners") ? "align_corners"
                : node.flag("half_pixel_centers") ? "half_pixel" : "asymmetric";
        String out = graph.fresh(node.name());
        graph.node("Resize", List.of(value.name(), "", "", sizes), List.of(out), List.of(ints("axes", 2, 3),
                text("mode", "linear"), text("coordinate_transformation_mode", mode)));
        return new Value(out, Layout.NHWC);
    }

    private Value unary(String op, TfjsModel.Node node, List<String> in, List<ProtoWriter> attributes) {
        Value value = withoutPads(value(in.get(0)));
        String out = graph.fresh(node.name());
        graph.node(op, List.of(value.name()), List.of(out), attributes);
        return new Value(out, value.perm());
    }

    /** An elementwise op of two values, or of a value and a constant laid out as that value is. */
    private Value binary(String op, TfjsModel.Node node, List<String> in) {
        Constant left = constants.get(in.get(0));
        Constant right = constants.get(in.get(1));
        Value layout = withoutPads(value(in.get(left != null ? 1 : 0)));
        int[] physical = Layout.inverse(layout.perm());
        String a = left != null ? graph.initializer(in.get(0), left.withRank(physical.length).transpose(physical))
                : layout.name();
        String b = right != null ? graph.initializer(in.get(1), right.withRank(physical.length).transpose(physical))
                : left != null ? layout.name() : materialize(withoutPads(value(in.get(1))), layout.perm(), null).name();
        String out = graph.fresh(node.name());
        graph.node(op, List.of(a, b), List.of(out), List.of());
        return new Value(out, layout.perm());
    }

    private Value concat(TfjsModel.Node node, List<String> in) {
        Value first = withoutPads(value(in.get(0)));
        int rank = first.perm().length;
        int axis = Math.toIntExact(constants.require(in.get(in.size() - 1), node).longAt(0));
        List<String> parts = new ArrayList<>();
        for (String ref : in.subList(0, in.size() - 1)) {
            parts.add(materialize(withoutPads(value(ref)), first.perm(), null).name());
        }
        String out = graph.fresh(node.name());
        graph.node("Concat", parts, List.of(out), List.of(OnnxGraph.integer("axis",
                first.perm()[axis < 0 ? axis + rank : axis])));
        return new Value(out, first.perm());
    }

    /** Records each output under "node" and "node:i" itself, so it returns null. */
    private Value split(TfjsModel.Node node, List<String> in) {
        Value value = withoutPads(value(in.get(0)));
        Constant sizes = constants.require(in.get(1), node);
        int axis = Math.toIntExact(constants.require(in.get(2), node).longAt(0));
        int rank = value.perm().length;
        List<String> outs = new ArrayList<>();
        for (int i = 0; i < sizes.longs().length; i++) {
            outs.add(graph.fresh(node.name() + "_" + i));
        }
        String split = graph.initializer(node.name() + "/split", Constant.ofLongs(sizes.longs()));
        graph.node("Split", List.of(value.name(), split), outs, List.of(OnnxGraph.integer("axis",
                value.perm()[axis < 0 ? axis + rank : axis])));
        for (int i = 0; i < outs.size(); i++) {
            values.put(i == 0 ? node.name() : node.name() + ":" + i, new Value(outs.get(i), value.perm()));
        }
        return null;
    }

    private Value reshape(TfjsModel.Node node, List<String> in) {
        Value value = withoutPads(value(in.get(0)));
        String input = materialize(value, Layout.identity(value.perm().length), null).name();
        Constant shape = constants.require(in.get(1), node);
        String target = graph.initializer(node.name() + "/shape", Constant.ofLongs(shape.longs()));
        String out = graph.fresh(node.name());
        graph.node("Reshape", List.of(input, target), List.of(out), List.of());
        return new Value(out, Layout.identity(shape.longs().length));
    }

    private static void requireNhwc(TfjsModel.Node node) {
        String format = node.text("data_format");
        if (!format.isEmpty() && !format.equals("NHWC")) {
            throw new IllegalArgumentException(node.op() + " node " + node.name() + " is " + format
                    + "; only NHWC is converted");
        }
    }

    /** The value with its pending padding written as a Pad node. */
    private Value withoutPads(Value value) {
        if (value.pads() == null) {
            return value;
        }
        String key = value.name() + "|pad" + Arrays.toString(value.pads()) + value.padValue();
        String padded = materialized.computeIfAbsent(key, k -> {
            String out = graph.fresh(value.name() + "/pad");
            graph.node("Pad", List.of(value.name(), graph.initializer(value.name() + "/pads", Constant.ofLongs(
                    value.pads())), graph.initializer(value.name() + "/pad_value", Constant.ofFloats(new int[0],
                    new float[] {value.padValue()}))), List.of(out), List.of(text("mode", "constant")));
            return out;
        });
        return new Value(padded, value.perm());
    }

    /**
     * The value laid out as {@code perm}: a Transpose node where it is not (one per value and layout); named
     * {@code name} when given (an Identity node if nothing else is needed), else freshly.
     */
    private Value materialize(Value value, int[] perm, String name) {
        Value plain = withoutPads(value);
        if (Arrays.equals(plain.perm(), perm)) {
            if (name != null) {
                graph.node("Identity", List.of(plain.name()), List.of(name), List.of());
                return new Value(name, perm);
            }
            return plain;
        }
        String key = plain.name() + "|" + Arrays.toString(perm);
        String out = name != null ? name : materialized.get(key);
        if (out == null || name != null) {
            out = name != null ? name : graph.fresh(plain.name() + "/transpose");
            graph.node("Transpose", List.of(plain.name()), List.of(out), List.of(ints("perm",
                    Layout.toLongs(Layout.between(plain.perm(), perm)))));
            materialized.put(key, out);
        }
        return new Value(out, perm);
    }
}
