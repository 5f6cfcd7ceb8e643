package org.imageproc.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.imageproc.detector.NanoDetInput;
import org.imageproc.detector.ObjectDetector;
import org.imageproc.detector.ObjectDetectors;
import org.imageproc.detector.Picture;
import org.imageproc.imaging.ImageFormat;
import org.imageproc.testing.LabelPhotos;

/**
 * The local detector's cost on this machine (a main, not a test): model load time, JVM RSS after loading and after 50
 * detections, and the median session run (416x416 input, pre-processed beforehand) over the shared labelled photos.
 * Run: {@code java -cp target/classes:target/test-classes:$(cat target/benchmark.cp) org.imageproc.bench.DetectorBench}
 * (scripts/benchmark.sh builds that class path).
 */
public final class DetectorBench {

    private static final int DETECTIONS = 50;
    private static final int ROUNDS = 10;
    private static final int SIDE = 416;

    private DetectorBench() {
    }

    public static void main(String[] args) throws Exception {
        List<LabelPhotos.Expected> photos = LabelPhotos.expected();
        System.out.printf("load average %s on %d cores%n", Files.readString(Path.of("/proc/loadavg")).trim(),
                Runtime.getRuntime().availableProcessors());
        long sinceJvm = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        long begin = System.nanoTime();
        try (ObjectDetector detector = ObjectDetectors.load(DetectorBench.class.getClassLoader())) {
            System.out.printf("%s: model load %d ms (JVM up %d ms before), RSS after load %d MB%n",
                    detector.getClass().getName(), (System.nanoTime() - begin) / 1_000_000, sinceJvm, rssMb("VmRSS"));
            for (int i = 0; i < DETECTIONS; i++) {
                LabelPhotos.Expected photo = photos.get(i % photos.size());
                detector.detect(photo.bytes(), ImageFormat.JPEG, 0.15);
            }
            System.out.printf("RSS after %d detections %d MB (peak %d MB)%n", DETECTIONS, rssMb("VmRSS"),
                    rssMb("VmHWM"));
            Method run = detector.getClass().getDeclaredMethod("run", float[].class);
            run.setAccessible(true);
            List<float[]> inputs = new ArrayList<>();
            for (LabelPhotos.Expected photo : photos) {
                inputs.add(NanoDetInput.of(Picture.decode(photo.bytes(), ImageFormat.JPEG, SIDE), SIDE));
            }
            List<Double> millis = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (float[] input : inputs) {
                    long t = System.nanoTime();
                    run.invoke(detector, (Object) input);
                    millis.add((System.nanoTime() - t) / 1e6);
                }
            }
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("session run, %d runs over %d photos: median %.1f ms, p90 %.1f ms; RSS %d MB (peak %d MB)%n",
                    sorted.length, inputs.size(), sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)],
                    rssMb("VmRSS"), rssMb("VmHWM"));
        }
        System.out.printf("load average %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        System.exit(0);
    }

    private static long rssMb(String field) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(field + ":"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    }
}
