package org.imageproc.detector.ort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The TFJS to ONNX conversion, run by ONNX Runtime: layout transposes and paddings folded, results unchanged. */
class TfjsToOnnxTest {

    // where the Maven build unpacks the TFJS model before converting it
    private static final Path MODEL_DIR = Path.of("target", "detector-model");
    private static final int C = 2;
    private static final int SIDE = 4;
    private static final int OUT = 3;

    /** NCHW input, padded, to NHWC for a 3x3 convolution with bias, back to NCHW, LeakyRelu: as onnx-tf writes it. */
    private static final String CONV_MODEL = """
            {"format":"graph-model","modelTopology":{"node":[
              {"name":"input","op":"Placeholder","attr":{"shape":{"shape":{"dim":[{"size":"1"},{"size":"2"},{"size":"4"},{"size":"4"}]}}}},
              {"name":"pads","op":"Const"}, {"name":"toNhwc","op":"Const"}, {"name":"toNchw","op":"Const"},
              {"name":"filter","op":"Const"}, {"name":"bias","op":"Const"},
              {"name":"pad","op":"Pad","input":["input","pads"]},
              {"name":"t1","op":"Transpose","input":["pad","toNhwc"]},
              {"name":"conv","op":"Conv2D","input":["t1","filter"],"attr":{"strides":{"list":{"i":["1","1","1","1"]}},
                "dilations":{"list":{"i":["1","1","1","1"]}},"padding":{"s":"VkFMSUQ="},"data_format":{"s":"TkhXQw=="}}},
              {"name":"add","op":"Add","input":["conv","bias"]},
              {"name":"t2","op":"Transpose","input":["add","toNchw"]},
              {"name":"relu","op":"LeakyRelu","input":["t2"],"attr":{"alpha":{"f":0.1}}},
              {"name":"Identity","op":"Identity","input":["relu"]}]},
             "signature":{"outputs":{"Identity:0":{}}},
             "weightsManifest":[{"weights":[
              {"name":"pads","shape":[4,2],"dtype":"int32"},
              {"name":"toNhwc","shape":[4],"dtype":"int32"},
              {"name":"toNchw","shape":[4],"dtype":"int32"},
              {"name":"filter","shape":[3,3,2,3],"dtype":"float32"},
              {"name":"bias","shape":[3],"dtype":"float32"}]}]}""";

    @Test
    void foldsTheLayoutTransposesAndThePaddingIntoTheConvolution() throws Exception {
        float[] filter = new float[3 * 3 * C * OUT];
        for (int i = 0; i < filter.length; i++) {
            filter[i] = (float) Math.sin(i * 0.7);
        }
        float[] bias = {0.5f, -3f, 0.25f};
        ByteBuffer weights = ByteBuffer.allocate(4 * (8 + 4 + 4 + filter.length + 3)).order(ByteOrder.LITTLE_ENDIAN);
        for (int pad : new int[] {0, 0, 0, 0, 1, 1, 1, 1, 0, 2, 3, 1, 0, 3, 1, 2}) {
            weights.putInt(pad);
        }
        for (float value : filter) {
            weights.putFloat(value);
        }
        for (float value : bias) {
            weights.putFloat(value);
        }
        float[] input = new float[C * SIDE * SIDE];
        for (int i = 0; i < input.length; i++) {
            input[i] = (i % 7) - 3f;
        }

        TfjsToOnnx.Converted converted = TfjsToOnnx.convert(TfjsModel.read(TfjsModelTest.stream(CONV_MODEL),
                new ByteArrayInputStream(weights.array())));

        assertThat(converted.ops()).containsOnlyKeys("Conv", "Add", "LeakyRelu", "Identity");
        float[] output = run(converted.model(), input, new long[] {1, C, SIDE, SIDE});
        float[] expected = convolve(input, filter, bias);
        assertThat(output).hasSize(OUT * SIDE * SIDE);
        for (int i = 0; i < expected.length; i++) {
            assertThat(output[i]).as("output %d", i).isCloseTo(expected[i], within(1e-4f));
        }
    }

    @Test
    @Tag("detector")
    void theBundledNanoDetKeepsOnlyItsOwnSixHeadTransposes() throws Exception {
        TfjsToOnnx.Converted converted;
        try (InputStream json = Files.newInputStream(MODEL_DIR.resolve("nanodet.json"));
             InputStream bin = Files.newInputStream(MODEL_DIR.resolve("nanodet.bin"))) {
            converted = TfjsToOnnx.convert(TfjsModel.read(json, bin));
        }

        // of the TFJS graph's 83 Transpose nodes, 77 are layout changes around NHWC ops and go; the six that turn each
        // head's [1, classes, cells] into [1, cells, classes] belong to the model and stay
        assertThat(converted.transposes()).isEqualTo(6);
        assertThat(converted.ops()).doesNotContainKey("Pad")
                .containsEntry("Conv", 34).containsEntry("MaxPool", 1).containsEntry("Resize", 4);
    }

    @Test
    void refusesAnOpItCannotConvert() {
        String json = """
                {"format":"graph-model","modelTopology":{"node":[
                  {"name":"input","op":"Placeholder","attr":{"shape":{"shape":{"dim":[{"size":"1"}]}}}},
                  {"name":"odd","op":"Erf","input":["input"]},
                  {"name":"Identity","op":"Identity","input":["odd"]}]},
                 "signature":{"outputs":{"Identity:0":{}}},"weightsManifest":[]}""";

        assertThatThrownBy(() -> TfjsToOnnx.convert(TfjsModel.read(TfjsModelTest.stream(json),
                new ByteArrayInputStream(new byte[0]))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unsupported TFJS op Erf (node odd)");
    }

    private static float[] run(byte[] model, float[] input, long[] shape) throws Exception {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), shape);
             OrtSession.Result result = session.run(Map.of("input", tensor))) {
            FloatBuffer output = ((OnnxTensor) result.get("Identity").orElseThrow()).getFloatBuffer();
            float[] values = new float[output.remaining()];
            output.get(values);
            return values;
        }
    }

    /** The same computation written out: zero padding 1, a 3x3 convolution (HWIO filter), bias, LeakyRelu 0.1. */
    private static float[] convolve(float[] input, float[] filter, float[] bias) {
        float[] out = new float[OUT * SIDE * SIDE];
        for (int o = 0; o < OUT; o++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    float sum = bias[o];
                    for (int ky = 0; ky < 3; ky++) {
                        for (int kx = 0; kx < 3; kx++) {
                            int iy = y + ky - 1;
                            int ix = x + kx - 1;
                            if (iy < 0 || ix < 0 || iy >= SIDE || ix >= SIDE) {
                                continue;
                            }
                            for (int c = 0; c < C; c++) {
                                sum += input[(c * SIDE + iy) * SIDE + ix] * filter[((ky * 3 + kx) * C + c) * OUT + o];
                            }
                        }
                    }
                    out[(o * SIDE + y) * SIDE + x] = sum > 0 ? sum : 0.1f * sum;
                }
            }
        }
        return out;
    }
}
