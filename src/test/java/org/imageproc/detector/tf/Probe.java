package org.imageproc.detector.tf;

import java.nio.file.Files;
import java.nio.file.Path;
import org.imageproc.metadata.ImageFormat;

public class Probe {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        try (NanoDet d = new NanoDet()) {
            System.out.println("load ms " + (System.nanoTime() - t0) / 1e6);
            for (String a : args) {
                byte[] b = Files.readAllBytes(Path.of(a));
                long t = System.nanoTime();
                var ds = d.detect(b, ImageFormat.detect(b), 0.15);
                System.out.printf("%s %.1f ms%n", Path.of(a).getFileName(), (System.nanoTime() - t) / 1e6);
                ds.forEach(x -> System.out.printf("   %-14s %.3f %s%n", x.className(), x.score(), x.box()));
            }
        }
    }
}
