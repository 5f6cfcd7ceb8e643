import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The evaluation of OpenCV (org.bytedeco:opencv, libjpeg-turbo inside) for issue #11, not part of the product:
 * the time to load its natives (JavaCPP unpacks them on a first run), then median thread-CPU ms per image of
 * {@code imdecode(IMREAD_REDUCED_COLOR_8)} plus the copy out of native memory. Run with the bytedeco jars (opencv,
 * openblas, javacpp and their linux-x86_64 natives) on the class path:
 * {@code java -cp "$jars" bench/eval/OpenCvReduced.java ../shared/bench/corpus/jpeg12mp [rounds]}
 */
public final class OpenCvReduced {

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        org.bytedeco.javacpp.Loader.load(opencv_imgcodecs.class);
        System.out.printf("natives loaded in %.0f ms%n", (System.nanoTime() - start) / 1e6);
        List<byte[]> files = new ArrayList<>();
        try (var listing = Files.list(Path.of(args[0]))) {
            for (Path p : listing.filter(p -> p.toString().endsWith(".jpg")).sorted().toList()) {
                files.add(Files.readAllBytes(p));
            }
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        var threads = ManagementFactory.getThreadMXBean();
        List<Double> ms = new ArrayList<>();
        for (int round = 0; round < rounds + 3; round++) {
            for (byte[] jpeg : files) {
                long t = threads.getCurrentThreadCpuTime();
                try (BytePointer data = new BytePointer(jpeg); Mat encoded = new Mat(1, jpeg.length,
                        org.bytedeco.opencv.global.opencv_core.CV_8UC1, data);
                     Mat image = opencv_imgcodecs.imdecode(encoded, opencv_imgcodecs.IMREAD_REDUCED_COLOR_8)) {
                    byte[] pixels = new byte[(int) (image.total() * image.channels())];
                    image.data().get(pixels);
                }
                if (round >= 3) {
                    ms.add((threads.getCurrentThreadCpuTime() - t) / 1e6);
                }
            }
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%s: OpenCV imdecode 1/8 median %.2f ms, p90 %.2f ms (thread CPU per image), load %s%n",
                args[0], sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)],
                Files.readString(Path.of("/proc/loadavg")).trim());
    }
}
