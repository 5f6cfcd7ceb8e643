package org.imageproc.detector.ort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.imageproc.detector.Detection;
import org.imageproc.detector.NanoDetInput;
import org.imageproc.detector.Picture;
import org.imageproc.imaging.ImageFormat;
import org.imageproc.testing.LabelPhotos;

/** One-off: the TF and ORT paths side by side on the shared labelled photos; writes TF's detections as reference. */
public final class TfParity {

    public static void main(String[] args) throws IOException {
        List<String> reference = new ArrayList<>();
        double maxScore = 0, maxBox = 0, maxRawScore = 0, maxRawDistance = 0;
        try (org.imageproc.detector.tf.NanoDet tf = new org.imageproc.detector.tf.NanoDet();
             NanoDet ort = new NanoDet()) {
            java.lang.reflect.Method tfRun = tf.getClass().getDeclaredMethod("run", float[].class);
            tfRun.setAccessible(true);
            for (LabelPhotos.Expected photo : LabelPhotos.expected()) {
                byte[] bytes = photo.bytes();
                float[] input = NanoDetInput.of(Picture.decode(bytes, ImageFormat.JPEG, 416), 416);
                Map<Integer, ?> tfHeads = (Map<Integer, ?>) tfRun.invoke(tf, (Object) input);
                Map<Integer, NanoDet.Head> ortHeads = ort.run(input);
                for (var e : ortHeads.entrySet()) {
                    Object tfHead = tfHeads.get(e.getKey());
                    java.lang.reflect.Method sm = tfHead.getClass().getDeclaredMethod("scores");
                    java.lang.reflect.Method dm = tfHead.getClass().getDeclaredMethod("distances");
                    sm.setAccessible(true);
                    dm.setAccessible(true);
                    float[] s = (float[]) sm.invoke(tfHead);
                    float[] d = (float[]) dm.invoke(tfHead);
                    maxRawScore = Math.max(maxRawScore, maxDiff(s, e.getValue().scores()));
                    maxRawDistance = Math.max(maxRawDistance, maxDiff(d, e.getValue().distances()));
                }
                List<Detection> a = tf.detect(bytes, ImageFormat.JPEG, 0.15);
                List<Detection> b = ort.detect(bytes, ImageFormat.JPEG, 0.15);
                System.out.printf("%s: TF %d, ORT %d detections%n", photo.file(), a.size(), b.size());
                for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                    Detection x = i < a.size() ? a.get(i) : null;
                    Detection y = i < b.size() ? b.get(i) : null;
                    if (x == null || y == null || !x.className().equals(y.className())) {
                        System.out.printf("  MISMATCH %d: %s vs %s%n", i, x, y);
                        continue;
                    }
                    maxScore = Math.max(maxScore, Math.abs(x.score() - y.score()));
                    maxBox = Math.max(maxBox, Math.max(Math.max(Math.abs(x.box().left() - y.box().left()),
                            Math.abs(x.box().top() - y.box().top())), Math.max(Math.abs(x.box().width()
                            - y.box().width()), Math.abs(x.box().height() - y.box().height()))));
                }
                for (Detection x : a) {
                    reference.add(String.format(Locale.ROOT, "%s\t%s\t%.6f\t%.6f\t%.6f\t%.6f\t%.6f\t%.6f",
                            photo.file(), x.className(), x.score(), x.runnerUp(), x.box().left(), x.box().top(),
                            x.box().width(), x.box().height()));
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        System.out.printf(Locale.ROOT, "max |score| %.2e, max |box| %.2e, raw head max |score| %.2e, |distance| %.2e%n",
                maxScore, maxBox, maxRawScore, maxRawDistance);
        if (args.length > 0) {
            Files.write(Path.of(args[0]), reference);
        }
        System.exit(0);
    }

    private static double maxDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
