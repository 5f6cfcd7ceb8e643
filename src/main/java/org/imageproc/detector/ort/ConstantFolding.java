package org.imageproc.detector.ort;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The graph's constants: its Const nodes and what the shape arithmetic onnx-tf leaves behind computes from them
 * (SparseToDense of constants, sums of constants), so that a Reshape gets a plain shape.
 */
final class ConstantFolding {

    private final Map<String, Constant> constants;
    private final Function<String, TfjsModel.Node> nodes;
    private final Set<String> notConstant = new HashSet<>();

    ConstantFolding(Map<String, Constant> constants, Function<String, TfjsModel.Node> nodes) {
        this.constants = new HashMap<>(constants);
        this.nodes = nodes;
    }

    /** The value of a tensor reference ("node" or "node:0") when it is constant, else null. */
    Constant get(String ref) {
        String name = ref.endsWith(":0") ? ref.substring(0, ref.length() - 2) : ref;
        Constant known = constants.get(name);
        if (known != null || notConstant.contains(name) || name.contains(":")) {
            return known;
        }
        TfjsModel.Node node = nodes.apply(name);
        Constant folded = switch (node.op()) {
            case "Identity" -> get(node.inputs().get(0));
            case "Add", "AddV2" -> allConstant(node.inputs()) ? add(get(node.inputs().get(0)),
                    get(node.inputs().get(1))) : null;
            case "SparseToDense" -> allConstant(node.inputs()) ? sparseToDense(get(node.inputs().get(0)),
                    get(node.inputs().get(1)), get(node.inputs().get(2)), get(node.inputs().get(3))) : null;
            default -> null;
        };
        if (folded == null) {
            notConstant.add(name);
        } else {
            constants.put(name, folded);
        }
        return folded;
    }

    /** A constant that must be there, with a clear error naming the node that needs it. */
    Constant require(String ref, TfjsModel.Node user) {
        Constant constant = get(ref);
        if (constant == null) {
            throw new IllegalArgumentException(user.op() + " node " + user.name() + " needs a constant " + ref);
        }
        return constant;
    }

    private boolean allConstant(List<String> refs) {
        return refs.stream().allMatch(ref -> get(ref) != null);
    }

    private static Constant add(Constant a, Constant b) {
        if (a.isFloat() != b.isFloat() || (Constant.size(b.shape()) != 1
                && !Arrays.equals(a.shape(), b.shape()))) {
            throw new IllegalArgumentException("Only same-shaped or scalar constant sums are folded");
        }
        int size = Constant.size(a.shape());
        if (a.isFloat()) {
            float[] sum = new float[size];
            for (int i = 0; i < size; i++) {
                sum[i] = a.floats()[i] + b.floats()[b.floats().length == 1 ? 0 : i];
            }
            return Constant.ofFloats(a.shape(), sum);
        }
        long[] sum = new long[size];
        for (int i = 0; i < size; i++) {
            sum[i] = a.longs()[i] + b.longs()[b.longs().length == 1 ? 0 : i];
        }
        return Constant.ofLongs(a.shape(), sum);
    }

    /** TensorFlow's SparseToDense: {@code defaultValue} everywhere but at {@code indices} (one row per value). */
    private static Constant sparseToDense(Constant indices, Constant outputShape, Constant values,
            Constant defaultValue) {
        int[] shape = new int[Constant.size(outputShape.shape())];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = (int) outputShape.longAt(i);
        }
        int size = Constant.size(shape);
        int count = indices.rank() == 0 ? 1 : indices.shape()[0];
        int rowLength = indices.rank() < 2 ? 1 : indices.shape()[1];
        int[] flat = new int[count];
        for (int row = 0; row < count; row++) {
            for (int j = 0; j < rowLength; j++) {
                flat[row] = flat[row] * (rowLength == 1 ? 1 : shape[j]) + (int) indices.longAt(row * rowLength + j);
            }
        }
        if (values.isFloat()) {
            float[] dense = new float[size];
            Arrays.fill(dense, defaultValue.floats()[0]);
            for (int row = 0; row < count; row++) {
                dense[flat[row]] = values.floats()[values.floats().length == 1 ? 0 : row];
            }
            return Constant.ofFloats(shape, dense);
        }
        long[] dense = new long[size];
        Arrays.fill(dense, defaultValue.longAt(0));
        for (int row = 0; row < count; row++) {
            dense[flat[row]] = values.longAt(values.longs().length == 1 ? 0 : row);
        }
        return Constant.ofLongs(shape, dense);
    }
}
