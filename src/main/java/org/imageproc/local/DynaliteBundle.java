package org.imageproc.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The dynalite node_modules and their launcher that the build zips into the jar, unpacked once per zip content under
 * the data directory.
 */
final class DynaliteBundle {

    static final String RESOURCE = "dynalite.zip";
    /** The script that runs dynalite for as long as its stdin stays open (src/main/dynalite/serve.js). */
    static final String LAUNCHER = "serve.js";

    private DynaliteBundle() {
    }

    /**
     * The folder holding node_modules/dynalite and the launcher, unpacking the zip there unless an earlier start
     * already did.
     */
    static Path unpack(Path runtimeDir) throws IOException {
        byte[] zip = read();
        Path target = runtimeDir.resolve("dynalite-" + sha256(zip).substring(0, 16));
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(runtimeDir);
        Path partial = Files.createTempDirectory(runtimeDir, "dynalite-unpacking-");
        try {
            unzip(zip, partial);
            // a folder appears complete or not at all, even if this start is killed halfway
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException concurrentStart) {
            deleteRecursively(partial);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(partial);
            throw e;
        }
        return target;
    }

    private static byte[] read() throws IOException {
        try (InputStream in = DynaliteBundle.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: build with Maven, which installs "
                        + "dynalite from src/main/dynalite and packs it into the jar");
            }
            return in.readAllBytes();
        }
    }

    private static void unzip(byte[] zip, Path dir) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path path = dir.resolve(entry.getName()).normalize();
                if (!path.startsWith(dir)) {
                    throw new IOException("Zip entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(in, path);
                }
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
