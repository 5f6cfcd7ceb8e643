package org.imageproc.detector.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import org.imageproc.detector.Detection;
import org.imageproc.imaging.ImageFormat;
import org.imageproc.testing.LabelPhotos;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;

/** The TFJS to GraphDef conversion, on a hand-made model and on the bundled NanoDet. */
@Tag("detector")
class TfjsGraphTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void convertsAttributesFromProtobufJson() throws Exception {
        AttrValue strides = TfjsGraph.attr(JSON.readTree("{\"list\":{\"i\":[\"1\",\"2\",\"2\",\"1\"]}}"));
        AttrValue padding = TfjsGraph.attr(JSON.readTree("{\"s\":\"VkFMSUQ=\"}"));
        AttrValue shape = TfjsGraph.attr(JSON.readTree("{\"shape\":{\"dim\":[{},{\"size\":\"416\"}]}}"));

        assertThat(strides.getList().getIList()).containsExactly(1L, 2L, 2L, 1L);
        assertThat(padding.getS().toStringUtf8()).isEqualTo("VALID");
        assertThat(shape.getShape().getDimList()).extracting(d -> d.getSize()).containsExactly(0L, 416L);
        assertThat(TfjsGraph.attr(JSON.readTree("{\"type\":\"DT_INT64\"}")).getType()).isEqualTo(DataType.DT_INT64);
        assertThat(TfjsGraph.attr(JSON.readTree("{\"f\":0.1}")).getF()).isEqualTo(0.1f);
        assertThat(TfjsGraph.attr(JSON.readTree("{\"b\":true}")).getB()).isTrue();
        assertThatThrownBy(() -> TfjsGraph.attr(JSON.readTree("{\"func\":{}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("func");
    }

    @Test
    void widensFloat16WeightsAndRestoresInt64Constants() {
        String model = """
                {"format":"graph-model","modelTopology":{"node":[
                  {"name":"w","op":"Const","attr":{"dtype":{"type":"DT_FLOAT"},
                    "value":{"tensor":{"dtype":"DT_FLOAT","tensorShape":{"dim":[{"size":"3"}]}}}}},
                  {"name":"shape","op":"Const","attr":{"dtype":{"type":"DT_INT64"},
                    "value":{"tensor":{"dtype":"DT_INT64","tensorShape":{"dim":[{"size":"2"}]}}}}},
                  {"name":"out","op":"Identity","input":["w"],"attr":{"T":{"type":"DT_FLOAT"}}}]},
                 "weightsManifest":[{"paths":["m.bin"],"weights":[
                  {"name":"w","shape":[3],"dtype":"float32","quantization":{"dtype":"float16","original_dtype":"float32"}},
                  {"name":"shape","shape":[2],"dtype":"int32"}]}]}""";
        ByteBuffer weights = ByteBuffer.allocate(3 * 2 + 2 * 4).order(ByteOrder.LITTLE_ENDIAN);
        weights.putShort((short) 0x3C00).putShort((short) 0xC000).putShort((short) 0x3555); // 1, -2, ~0.3333
        weights.putInt(-1).putInt(416);

        GraphDef graph = TfjsGraph.convert(stream(model), new ByteArrayInputStream(weights.array()));

        Map<String, NodeDef> nodes = graph.getNodeList().stream().collect(Collectors.toMap(NodeDef::getName, n -> n));
        TensorProto w = nodes.get("w").getAttrOrThrow("value").getTensor();
        assertThat(w.getDtype()).isEqualTo(DataType.DT_FLOAT);
        ByteBuffer floats = w.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(List.of(floats.getFloat(), floats.getFloat(), floats.getFloat()))
                .containsExactly(1f, -2f, 0.33325195f);
        TensorProto shape = nodes.get("shape").getAttrOrThrow("value").getTensor();
        assertThat(shape.getDtype()).isEqualTo(DataType.DT_INT64);
        ByteBuffer longs = shape.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(List.of(longs.getLong(), longs.getLong())).containsExactly(-1L, 416L);
        assertThat(nodes.get("out").getInputList()).containsExactly("w");
    }

    @Test
    void refusesWeightsThatDoNotMatchTheManifest() {
        String model = """
                {"format":"graph-model","modelTopology":{"node":[]},
                 "weightsManifest":[{"weights":[{"name":"w","shape":[1],"dtype":"float32"}]}]}""";

        assertThatThrownBy(() -> TfjsGraph.convert(stream(model), new ByteArrayInputStream(new byte[8])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 bytes more");
        assertThatThrownBy(() -> TfjsGraph.convert(stream("{\"format\":\"layers-model\"}"),
                new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layers-model");
    }

    @Test
    void halfFloatsCoverSubnormalsAndInfinity() {
        assertThat(HalfFloat.toFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(HalfFloat.toFloat((short) 0x8000)).isEqualTo(-0f);
        assertThat(HalfFloat.toFloat((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfFloat.toFloat((short) 0x7BFF)).isEqualTo(65504f);
    }

    @Test
    void theBundledNanoDetConvertsWithItsInt64ConstantsRestored() throws Exception {
        GraphDef graph;
        try (InputStream json = NanoDet.class.getResourceAsStream("nanodet.json");
             InputStream bin = NanoDet.class.getResourceAsStream("nanodet.bin")) {
            graph = TfjsGraph.convert(json, bin);
        }

        assertThat(graph.getNodeCount()).isEqualTo(489);
        List<NodeDef> constants = graph.getNodeList().stream().filter(n -> n.getOp().equals("Const")).toList();
        assertThat(constants).hasSize(229);
        assertThat(constants).filteredOn(n -> n.getAttrOrThrow("value").getTensor().getDtype() == DataType.DT_INT64)
                .hasSize(26);
        assertThat(graph.getNodeList()).filteredOn(n -> n.getOp().equals("Transpose")).hasSize(83);
        ByteString firstConv = graph.getNodeList().stream().filter(n -> n.getName().equals("PartitionedCall/split"))
                .findFirst().orElseThrow().getAttrOrThrow("value").getTensor().getTensorContent();
        assertThat(firstConv.size()).as("3x3x3x32 float32").isEqualTo(3 * 3 * 3 * 32 * 4);
    }

    @Test
    void theSessionFindsTheDogAndTheBicycle() {
        byte[] photo = LabelPhotos.photo("darknet-dog.jpg");
        try (NanoDet nanoDet = new NanoDet()) {
            List<Detection> found = nanoDet.detect(photo, ImageFormat.JPEG, 0.38);

            assertThat(found).extracting(Detection::className).containsExactly("bicycle", "dog");
            assertThat(found.get(0).score()).isBetween(0.65, 0.72);
            assertThat(found.get(1).score()).isBetween(0.40, 0.44);
            assertThat(nanoDet.run(new float[3 * NanoDet.INPUT_SIZE * NanoDet.INPUT_SIZE])).containsOnlyKeys(8, 16, 32)
                    .allSatisfy((stride, head) -> {
                        int cells = (NanoDet.INPUT_SIZE / stride) * (NanoDet.INPUT_SIZE / stride);
                        assertThat(head.scores()).hasSize(cells * 80);
                        assertThat(head.distances()).hasSize(cells * 44);
                    });
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
