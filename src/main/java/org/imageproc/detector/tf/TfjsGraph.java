package org.imageproc.detector.tf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Turns a TensorFlow.js graph model (model.json: a GraphDef in protobuf JSON form plus a weights manifest, and the
 * weights file) into a GraphDef TensorFlow can import, widening float16-quantized weights to float32 and restoring
 * the int64 constants TFJS stores as int32.
 */
final class TfjsGraph {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TfjsGraph() {
    }

    /** Reads model.json and the weights file it names from streams the caller closes. */
    static GraphDef convert(InputStream modelJson, InputStream weights) {
        try {
            JsonNode model = JSON.readTree(modelJson);
            if (!"graph-model".equals(model.path("format").asText())) {
                throw new IllegalArgumentException("Not a TFJS graph model: format is '"
                        + model.path("format").asText() + "'");
            }
            return convert(model, ByteBuffer.wrap(weights.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the TFJS model", e);
        }
    }

    static GraphDef convert(JsonNode model, ByteBuffer weights) {
        Map<String, TensorProto> constants = constants(model.path("weightsManifest"), weights);
        GraphDef.Builder graph = GraphDef.newBuilder();
        for (JsonNode node : model.path("modelTopology").path("node")) {
            NodeDef.Builder def = NodeDef.newBuilder().setName(node.path("name").asText()).setOp(node.path("op").asText());
            node.path("input").forEach(input -> def.addInput(input.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("attr").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> attr = it.next();
                def.putAttr(attr.getKey(), attr(attr.getValue()));
            }
            if (def.getOp().equals("Const")) {
                fillConstant(def, constants);
            }
            graph.addNode(def);
        }
        return graph.build();
    }

    /** The manifest's weights, in order, each read from its slice of the weights file. */
    private static Map<String, TensorProto> constants(JsonNode manifest, ByteBuffer weights) {
        Map<String, TensorProto> constants = new HashMap<>();
        for (JsonNode group : manifest) {
            for (JsonNode weight : group.path("weights")) {
                TensorShapeProto shape = shape(weight.path("shape"));
                long count = 1;
                for (TensorShapeProto.Dim dim : shape.getDimList()) {
                    count *= dim.getSize();
                }
                String stored = weight.path("quantization").path("dtype").asText(weight.path("dtype").asText());
                constants.put(weight.path("name").asText(), read(weights, stored, (int) count, shape));
            }
        }
        if (weights.hasRemaining()) {
            throw new IllegalArgumentException("The weights file has " + weights.remaining()
                    + " bytes more than the manifest describes");
        }
        return constants;
    }

    private static TensorProto read(ByteBuffer weights, String storedType, int count, TensorShapeProto shape) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setTensorShape(shape);
        ByteBuffer content = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        switch (storedType) {
            case "float16" -> {
                for (int i = 0; i < count; i++) {
                    content.putFloat(HalfFloat.toFloat(weights.getShort()));
                }
                tensor.setDtype(DataType.DT_FLOAT);
            }
            case "float32" -> {
                for (int i = 0; i < count; i++) {
                    content.putFloat(weights.getFloat());
                }
                tensor.setDtype(DataType.DT_FLOAT);
            }
            case "int32" -> {
                for (int i = 0; i < count; i++) {
                    content.putInt(weights.getInt());
                }
                tensor.setDtype(DataType.DT_INT32);
            }
            default -> throw new IllegalArgumentException("Unsupported TFJS weight type " + storedType);
        }
        return tensor.setTensorContent(ByteString.copyFrom(content.array())).build();
    }

    /** Puts the weight into the Const node, as int64 where the node says so (TFJS stored it as int32). */
    private static void fillConstant(NodeDef.Builder node, Map<String, TensorProto> constants) {
        TensorProto weight = constants.get(node.getName());
        if (weight == null) {
            throw new IllegalArgumentException("Const node " + node.getName() + " has no weights in the manifest");
        }
        DataType declared = node.getAttrOrThrow("dtype").getType();
        if (declared == DataType.DT_INT64 && weight.getDtype() == DataType.DT_INT32) {
            weight = widenToInt64(weight);
        } else if (declared != weight.getDtype()) {
            throw new IllegalArgumentException("Const node " + node.getName() + " is " + declared
                    + " but its weights are " + weight.getDtype());
        }
        node.putAttr("value", AttrValue.newBuilder().setTensor(weight).build());
    }

    static TensorProto widenToInt64(TensorProto int32) {
        ByteBuffer source = int32.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer wide = ByteBuffer.allocate(source.remaining() * 2).order(ByteOrder.LITTLE_ENDIAN);
        while (source.hasRemaining()) {
            wide.putLong(source.getInt());
        }
        return int32.toBuilder().setDtype(DataType.DT_INT64).setTensorContent(ByteString.copyFrom(wide.array())).build();
    }

    /** One attribute value from its protobuf JSON form; "value" tensors are replaced by the weights afterwards. */
    static AttrValue attr(JsonNode value) {
        AttrValue.Builder attr = AttrValue.newBuilder();
        if (value.has("type")) {
            attr.setType(DataType.valueOf(value.get("type").asText()));
        } else if (value.has("shape")) {
            attr.setShape(shape(value.get("shape")));
        } else if (value.has("tensor")) {
            JsonNode tensor = value.get("tensor");
            attr.setTensor(TensorProto.newBuilder().setDtype(DataType.valueOf(tensor.path("dtype").asText()))
                    .setTensorShape(shape(tensor.path("tensorShape"))));
        } else if (value.has("s")) {
            attr.setS(ByteString.copyFrom(Base64.getDecoder().decode(value.get("s").asText())));
        } else if (value.has("i")) {
            attr.setI(Long.parseLong(value.get("i").asText()));
        } else if (value.has("f")) {
            attr.setF((float) value.get("f").asDouble());
        } else if (value.has("b")) {
            attr.setB(value.get("b").asBoolean());
        } else if (value.has("list")) {
            attr.setList(list(value.get("list")));
        } else {
            throw new IllegalArgumentException("Unsupported TFJS attribute " + value);
        }
        return attr.build();
    }

    private static AttrValue.ListValue list(JsonNode list) {
        AttrValue.ListValue.Builder values = AttrValue.ListValue.newBuilder();
        list.path("i").forEach(i -> values.addI(Long.parseLong(i.asText())));
        list.path("f").forEach(f -> values.addF((float) f.asDouble()));
        list.path("b").forEach(b -> values.addB(b.asBoolean()));
        list.path("s").forEach(s -> values.addS(ByteString.copyFrom(Base64.getDecoder().decode(s.asText()))));
        list.path("type").forEach(t -> values.addType(DataType.valueOf(t.asText())));
        list.path("shape").forEach(s -> values.addShape(shape(s)));
        return values.build();
    }

    /** A shape from JSON: {"dim":[{"size":"3"},{}]} (protobuf JSON leaves out a size of 0) or a manifest's [3, 0]. */
    static TensorShapeProto shape(JsonNode shape) {
        TensorShapeProto.Builder proto = TensorShapeProto.newBuilder();
        if (shape.isArray()) {
            shape.forEach(size -> proto.addDim(TensorShapeProto.Dim.newBuilder().setSize(size.asLong())));
            return proto.build();
        }
        shape.path("dim").forEach(dim -> proto.addDim(TensorShapeProto.Dim.newBuilder()
                .setSize(Long.parseLong(dim.path("size").asText("0")))));
        return proto.setUnknownRank(shape.path("unknownRank").asBoolean(false)).build();
    }
}
