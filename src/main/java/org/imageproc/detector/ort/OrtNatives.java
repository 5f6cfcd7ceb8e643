package org.imageproc.detector.ort;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

import ai.onnxruntime.OrtEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps ONNX Runtime's native libraries in a folder between starts. By default ONNX Runtime copies them out of its jar
 * into java.io.tmpdir and deletes the copy on every start; with {@code onnxruntime.native.path} it loads them from a
 * folder, which this class fills once (checked against the jar entries' CRC-32 on each start).
 */
final class OrtNatives {

    static final String PROPERTY = "onnxruntime.native.path";
    private static final Logger LOG = LoggerFactory.getLogger(OrtNatives.class);
    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

    private OrtNatives() {
    }

    /**
     * Points ONNX Runtime at {@code root}/onnxruntime-PLATFORM, unpacking the libraries there first when they are not
     * there already. Leaves everything as it is when {@code root} is null, the property is already set, or this
     * platform's libraries are not in the jar; a folder that cannot be written is logged and left to the default.
     */
    static synchronized void keepIn(Path root) {
        if (root == null || System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Path dir = unpack(root);
            if (dir != null) {
                System.setProperty(PROPERTY, dir.toAbsolutePath().toString());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("ONNX Runtime's native libraries could not be kept in {} ({}); it unpacks them to a temporary"
                    + " copy", root, e.toString());
        }
    }

    /** The folder under {@code root} holding this platform's libraries, unpacked where needed; null: not in the jar. */
    static Path unpack(Path root) throws IOException {
        String platform = platform();
        Path dir = root.resolve("onnxruntime-" + platform);
        for (String library : LIBRARIES) {
            String file = System.mapLibraryName(library).replace("jnilib", "dylib");
            URL resource = OrtEnvironment.class.getResource("/ai/onnxruntime/native/" + platform + "/" + file);
            if (resource == null) {
                return null;
            }
            unpack(resource, dir.resolve(file));
        }
        return dir;
    }

    private static void unpack(URL resource, Path target) throws IOException {
        URLConnection connection = resource.openConnection();
        long crc = connection instanceof JarURLConnection jar ? jar.getJarEntry().getCrc() : -1;
        if (crc != -1 && Files.isRegularFile(target) && crc(target) == crc) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static long crc(Path file) throws IOException {
        try (CheckedInputStream in = new CheckedInputStream(Files.newInputStream(file), new CRC32())) {
            in.transferTo(OutputStream.nullOutputStream());
            return in.getChecksum().getValue();
        }
    }

    /** The platform folder name ONNX Runtime's jar uses: linux-x64, linux-aarch64, osx-x64, osx-aarch64, win-x64. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : "linux";
        return system + "-" + (arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch);
    }
}
