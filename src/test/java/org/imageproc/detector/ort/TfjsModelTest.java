package org.imageproc.detector.ort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Reading a TFJS graph model: its nodes, attributes and weights. */
class TfjsModelTest {

    @Test
    void widensFloat16WeightsAndReadsIntegersAsLongs() {
        String json = """
                {"format":"graph-model","modelTopology":{"node":[
                  {"name":"w","op":"Const","attr":{"dtype":{"type":"DT_FLOAT"}}},
                  {"name":"shape","op":"Const","attr":{"dtype":{"type":"DT_INT64"}}},
                  {"name":"conv","op":"Conv2D","input":["w","^shape"],"attr":{
                    "strides":{"list":{"i":["1","2","2","1"]}},"padding":{"s":"VkFMSUQ="},"alpha":{"f":0.1},
                    "half_pixel_centers":{"b":true}}},
                  {"name":"Identity","op":"Identity","input":["conv"]}]},
                 "signature":{"outputs":{"Identity:0":{"name":"Identity:0"}}},
                 "weightsManifest":[{"paths":["m.bin"],"weights":[
                  {"name":"w","shape":[3],"dtype":"float32","quantization":{"dtype":"float16","original_dtype":"float32"}},
                  {"name":"shape","shape":[2],"dtype":"int32"}]}]}""";
        ByteBuffer weights = ByteBuffer.allocate(3 * 2 + 2 * 4).order(ByteOrder.LITTLE_ENDIAN);
        weights.putShort((short) 0x3C00).putShort((short) 0xC000).putShort((short) 0x3555); // 1, -2, ~0.3333
        weights.putInt(-1).putInt(416);

        TfjsModel model = TfjsModel.read(stream(json), new ByteArrayInputStream(weights.array()));

        assertThat(model.constants().get("w").floats()).containsExactly(1f, -2f, 0.33325195f);
        assertThat(model.constants().get("shape").longs()).containsExactly(-1L, 416L);
        assertThat(model.outputs()).containsExactly("Identity");
        TfjsModel.Node conv = model.nodes().get(2);
        assertThat(conv.inputs()).containsExactly("w", "^shape");
        assertThat(conv.ints("strides")).containsExactly(1L, 2L, 2L, 1L);
        assertThat(conv.text("padding")).isEqualTo("VALID");
        assertThat(conv.decimal("alpha")).isEqualTo(0.1f);
        assertThat(conv.flag("half_pixel_centers")).isTrue();
        assertThat(conv.flag("align_corners")).isFalse();
    }

    @Test
    void refusesWeightsThatDoNotMatchTheManifest() {
        String json = """
                {"format":"graph-model","modelTopology":{"node":[]},
                 "weightsManifest":[{"weights":[{"name":"w","shape":[2],"dtype":"float32"}]}]}""";

        assertThatThrownBy(() -> TfjsModel.read(stream(json), new ByteArrayInputStream(new byte[12])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 bytes more");
        assertThatThrownBy(() -> TfjsModel.read(stream(json), new ByteArrayInputStream(new byte[4])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends before");
        assertThatThrownBy(() -> TfjsModel.read(stream("{\"format\":\"layers-model\"}"),
                new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layers-model");
    }

    @Test
    void refusesAConstWithoutWeights() {
        String json = """
                {"format":"graph-model","modelTopology":{"node":[{"name":"c","op":"Const"}]},"weightsManifest":[]}""";

        assertThatThrownBy(() -> TfjsModel.read(stream(json), new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Const node c");
    }

    @Test
    void halfFloatsCoverSubnormalsAndInfinity() {
        assertThat(HalfFloat.toFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(HalfFloat.toFloat((short) 0x8000)).isEqualTo(-0f);
        assertThat(HalfFloat.toFloat((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfFloat.toFloat((short) 0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(HalfFloat.toFloat((short) 0x7BFF)).isEqualTo(65504f);
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
