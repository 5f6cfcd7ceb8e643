package org.imageproc.detector.ort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import ai.onnxruntime.OrtEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX Runtime's native libraries are unpacked into the folder once and checked on later starts. */
class OrtNativesTest {

    @TempDir
    Path root;

    @Test
    void unpacksOnceAndReplacesADamagedCopy() throws IOException {
        Path dir = OrtNatives.unpack(root);

        Path library = dir.resolve(System.mapLibraryName("onnxruntime"));
        assertThat(dir).isEqualTo(root.resolve("onnxruntime-" + OrtNatives.platform()));
        assertThat(Files.readAllBytes(library)).isEqualTo(jarCopy(library.getFileName().toString()));
        assertThat(dir.resolve(System.mapLibraryName("onnxruntime4j_jni"))).isRegularFile();

        FileTime old = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(library, old);
        OrtNatives.unpack(root);
        assertThat(Files.getLastModifiedTime(library)).as("an intact copy is kept").isEqualTo(old);

        Files.write(library, new byte[] {1, 2, 3});
        OrtNatives.unpack(root);
        assertThat(Files.readAllBytes(library)).isEqualTo(jarCopy(library.getFileName().toString()));
        try (var files = Files.list(dir)) {
            assertThat(files).as("no partial file left").hasSize(2);
        }
    }

    private static byte[] jarCopy(String file) throws IOException {
        try (InputStream in = OrtEnvironment.class.getResourceAsStream(
                "/ai/onnxruntime/native/" + OrtNatives.platform() + "/" + file)) {
            return in.readAllBytes();
        }
    }
}
