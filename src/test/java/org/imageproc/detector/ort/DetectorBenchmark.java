package org.imageproc.detector.ort;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.management.OperatingSystemMXBean;
import org.imageproc.TestService;
import org.imageproc.detector.DetectorSettings;
import org.imageproc.detector.LocalLabels;
import org.imageproc.detector.NanoDetInput;
import org.imageproc.detector.Picture;
import org.imageproc.detector.Views;
import org.imageproc.imaging.ImageFormat;
import org.imageproc.testing.LabelPhotos;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The local detector's numbers on this machine (run by `bench/run.sh detector`, not a test): model load time after JVM
 * start, RSS after loading and after 50 detections, inference latency (session only, and with decoding), peak RSS,
 * labels per shared photo at the service's defaults, and images per second through the whole local pipeline with
 * labels on and off.
 */
public final class DetectorBenchmark {

    private static final int ROUNDS = 20;
    private static final int PIPELINE_IMAGES = 45;
    private static final int DETECTIONS = 50;

    private DetectorBenchmark() {
    }

    /** {@code detector}: the model alone; {@code labels-on} / {@code labels-off}: the whole local pipeline. */
    public static void main(String[] args) throws Exception {
        List<LabelPhotos.Expected> photos = LabelPhotos.expected();
        switch (args.length == 0 ? "detector" : args[0]) {
            case "detector" -> detector(photos);
            case "labels-on" -> System.out.printf("pipeline, labels on:  %.2f images/s%n", pipeline(photos, true));
            case "labels-off" -> System.out.printf("pipeline, labels off: %.2f images/s%n", pipeline(photos, false));
            default -> throw new IllegalArgumentException("detector, labels-on or labels-off, not " + args[0]);
        }
        System.out.printf("  peak RSS of this JVM: %d MB%n", rssMb("VmHWM"));
        System.exit(0);
    }

    private static void detector(List<LabelPhotos.Expected> photos) throws IOException {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("RSS before load %d MB (Java heap committed %d MB)%n", rssMb("VmRSS"),
                Runtime.getRuntime().totalMemory() >> 20);
        long begin = System.nanoTime();
        NanoDet nanoDet = new NanoDet();
        long loaded = System.nanoTime();
        try (LocalLabels labels = new LocalLabels(nanoDet)) {
            System.out.printf("model load: %d ms (session ready %d ms after JVM start); RSS after load %d MB (Java heap"
                    + " committed %d MB)%n", (loaded - begin) / 1_000_000, System.currentTimeMillis() - jvmStart,
                    rssMb("VmRSS"), Runtime.getRuntime().totalMemory() >> 20);
            for (int i = 0; i < DETECTIONS; i++) {
                nanoDet.detect(photos.get(i % photos.size()).bytes(), ImageFormat.JPEG, LocalLabels.MIN_RAW_SCORE);
            }
            System.out.printf("RSS after %d detections: %d MB (Java heap committed %d MB)%n", DETECTIONS,
                    rssMb("VmRSS"), Runtime.getRuntime().totalMemory() >> 20);
            List<float[]> inputs = new ArrayList<>();
            for (LabelPhotos.Expected photo : photos) {
                inputs.add(NanoDetInput.of(Picture.decode(photo.bytes(), ImageFormat.JPEG, NanoDet.INPUT_SIZE),
                        NanoDet.INPUT_SIZE));
                nanoDet.run(inputs.get(inputs.size() - 1));
            }
            List<Double> inference = new ArrayList<>();
            List<Double> withDecoding = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < photos.size(); i++) {
                    long t = System.nanoTime();
                    nanoDet.run(inputs.get(i));
                    inference.add((System.nanoTime() - t) / 1e6);
                    byte[] bytes = photos.get(i).bytes();
                    t = System.nanoTime();
                    nanoDet.detect(bytes, ImageFormat.JPEG, 0.38);
                    withDecoding.add((System.nanoTime() - t) / 1e6);
                }
            }
            System.out.printf("inference (session run, %d runs): median %.1f ms, p90 %.1f ms%n", inference.size(),
                    percentile(inference, 50), percentile(inference, 90));
            System.out.printf("detect incl. JPEG decode and resize: median %.1f ms, p90 %.1f ms%n",
                    percentile(withDecoding, 50), percentile(withDecoding, 90));
            System.out.println("views of each picture (DetectorSettings.views; the default is "
                    + DetectorSettings.DEFAULT_VIEWS + "), detect incl. decoding, and the process's CPU per detect:");
            for (Views views : Views.values()) {
                viewsCost(photos, views);
            }
            System.out.println("labels at MaxLabels 10, MinConfidence 60 (objects with boxes marked *):");
            for (LabelPhotos.Expected photo : photos) {
                List<String> found = labels.detect(photo.bytes(), ImageFormat.JPEG, 10, 60).stream()
                        .map(l -> String.format("%s%s %.0f", l.name(), l.instances().isEmpty() ? "" : "*", l.confidence()))
                        .toList();
                System.out.printf("  %-20s must %-20s %s%n", photo.file(), photo.must(), found);
            }
        }
    }

    /** One views setting's wall time and CPU time per detect over the photos. */
    private static void viewsCost(List<LabelPhotos.Expected> photos, Views views) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (NanoDet nanoDet = new NanoDet(new DetectorSettings(Runtime.getRuntime().availableProcessors(), null,
                views))) {
            photos.forEach(photo -> nanoDet.detect(photo.bytes(), ImageFormat.JPEG, LocalLabels.MIN_RAW_SCORE));
            List<Double> wall = new ArrayList<>();
            long cpu = os.getProcessCpuTime();
            for (int round = 0; round < ROUNDS; round++) {
                for (LabelPhotos.Expected photo : photos) {
                    long t = System.nanoTime();
                    nanoDet.detect(photo.bytes(), ImageFormat.JPEG, LocalLabels.MIN_RAW_SCORE);
                    wall.add((System.nanoTime() - t) / 1e6);
                }
            }
            System.out.printf("  %-10s median %.1f ms, p90 %.1f ms; CPU %.1f ms per detect%n", views,
                    percentile(wall, 50), percentile(wall, 90), (os.getProcessCpuTime() - cpu) / 1e6 / wall.size());
        }
    }

    /** Images per second from the first upload until every item SUCCEEDED. */
    private static double pipeline(List<LabelPhotos.Expected> photos, boolean labels) throws InterruptedException {
        TestService service = labels ? TestService.startWithLocalDetector(Map.of())
                : TestService.start(Map.of("imageproc.labels.enabled", "false"));
        try {
            long t = System.nanoTime();
            for (int i = 0; i < PIPELINE_IMAGES; i++) {
                LabelPhotos.Expected photo = photos.get(i % photos.size());
                String key = "Incoming/bench-" + i + "-" + photo.file();
                service.s3().putObject(r -> r.bucket(TestService.BUCKET).key(key), RequestBody.fromBytes(photo.bytes()));
            }
            for (int i = 0; i < PIPELINE_IMAGES; i++) {
                String id = "bench-" + i + "-" + photos.get(i % photos.size()).file();
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (!succeeded(service, id)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(id + " did not succeed within 2 minutes");
                    }
                    Thread.sleep(20);
                }
            }
            return PIPELINE_IMAGES / ((System.nanoTime() - t) / 1e9);
        } finally {
            service.stop();
        }
    }

    private static boolean succeeded(TestService service, String id) {
        Map<String, AttributeValue> item = service.dynamoDb().getItem(r -> r.tableName("ImageMetadata")
                .key(Map.of("imageID", AttributeValue.fromS(id))).consistentRead(true)).item();
        return item.containsKey("status") && item.get("status").s().equals("SUCCEEDED");
    }

    private static double percentile(List<Double> values, int percent) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    /** A field of /proc/self/status in MB: VmRSS now, VmHWM the peak. */
    private static long rssMb(String field) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(field + ":"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    }
}
