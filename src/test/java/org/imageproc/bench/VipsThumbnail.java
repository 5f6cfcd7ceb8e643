package org.imageproc.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The reference tool: one single-threaded {@code vipsthumbnail -s 250x250} process over all files of a folder. */
final class VipsThumbnail {

    private final Path outputDir;

    VipsThumbnail(Path outputDir) {
        this.outputDir = outputDir;
    }

    /** Runs it once and returns the wall time in seconds, process start included. */
    double run(List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("vipsthumbnail", "-s", "250x250", "-o", outputPattern(files)));
        files.forEach(file -> command.add(file.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(outputDir.resolve("vips.log").toFile());
        builder.environment().put("VIPS_CONCURRENCY", "1");
        long start = System.nanoTime();
        int exit = builder.start().waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("vipsthumbnail exited with " + exit + "; see " + outputDir.resolve("vips.log"));
        }
        return seconds;
    }

    /** The same output format and JPEG quality as the service's thumbnails, so both do the same encoding work. */
    private String outputPattern(List<Path> files) {
        boolean png = files.get(0).getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
        return outputDir.resolve(png ? "%s.png" : "%s.jpg[Q=85]").toString();
    }

    /** The tool's version line, or why there is none. */
    static String version() {
        try {
            Process process = new ProcessBuilder("vipsthumbnail", "--vips-version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            return process.waitFor() == 0 ? out : "vipsthumbnail failed: " + out;
        } catch (IOException e) {
            return "vipsthumbnail not found (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
