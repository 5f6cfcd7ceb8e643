import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

import net.coobird.thumbnailator.Thumbnails;
import org.imageproc.imaging.ImageFormat;
import org.imageproc.imaging.PixelBudget;
import org.imageproc.imaging.Size;
import org.imageproc.imaging.WorkingImageReader;
import org.imageproc.imaging.jpeg.DctScaledJpeg;

/**
 * The quality check behind the area-averaging resize (issue #11, not part of the product): for each JPEG of a folder,
 * the 832 px working image and the 250 px thumbnail made the service's way now (DCT decode at 1/4 resampled from its
 * planes to 832, then area-averaged to 250) and as before (the 1/4 rendition scaled with Thumbnailator to 832, then
 * to 250), each compared with the exact area average of ImageIO's full-size decode: PSNR in dB over RGB (higher is
 * closer). Run from the project root after {@code mvn -o -q compile}:
 * {@code java -cp "target/classes:$(cat target/test-classpath.txt)" bench/eval/ResizeQuality.java
 * ../shared/bench/corpus/jpeg12mp} (bench/jmh.sh writes target/test-classpath.txt).
 */
public final class ResizeQuality {

    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (var listing = Files.list(Path.of(args[0]))) {
            files = listing.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        double[] sums = new double[4];
        System.out.println("| file | working 832, now | working 832, before | thumbnail 250, now | thumbnail 250, before |");
        System.out.println("|---|---|---|---|---|");
        for (Path file : files) {
            byte[] jpeg = Files.readAllBytes(file);
            BufferedImage full = ImageIO.read(file.toFile());
            Size stored = new Size(full.getWidth(), full.getHeight());
            Size working = stored.fitWithin(832);
            Size thumb = stored.fitWithin(250);

            BufferedImage nowWorking = WorkingImageReader.read(jpeg, ImageFormat.JPEG, 1, 832, PixelBudget.unlimited())
                    .pixels();
            BufferedImage nowThumb = WorkingImageReader.scale(nowWorking, thumb, ImageFormat.JPEG);
            BufferedImage quarter = DctScaledJpeg.decode(jpeg, 4).orElseThrow();
            BufferedImage beforeWorking = thumbnailator(quarter, working);
            BufferedImage beforeThumb = thumbnailator(beforeWorking, thumb);

            double[] row = {
                psnr(nowWorking, areaAverage(full, working)), psnr(beforeWorking, areaAverage(full, working)),
                psnr(nowThumb, areaAverage(full, thumb)), psnr(beforeThumb, areaAverage(full, thumb))};
            System.out.printf("| %s | %.2f | %.2f | %.2f | %.2f |%n", file.getFileName(), row[0], row[1], row[2],
                    row[3]);
            for (int i = 0; i < 4; i++) {
                sums[i] += row[i];
            }
        }
        System.out.printf("| **mean of %d** | %.2f | %.2f | %.2f | %.2f |%n", files.size(), sums[0] / files.size(),
                sums[1] / files.size(), sums[2] / files.size(), sums[3] / files.size());
    }

    private static BufferedImage thumbnailator(BufferedImage source, Size target) throws Exception {
        return Thumbnails.of(source).forceSize(target.width(), target.height())
                .imageType(BufferedImage.TYPE_INT_RGB).asBufferedImage();
    }

    /** The exact mean of the source area under each output pixel, in doubles; as RGB ints. */
    private static int[][] areaAverage(BufferedImage full, Size target) {
        int w = full.getWidth();
        int h = full.getHeight();
        double sx = (double) w / target.width();
        double sy = (double) h / target.height();
        int[] rgb = full.getRGB(0, 0, w, h, null, 0, w);
        int[][] out = new int[target.height()][target.width()];
        for (int y = 0; y < target.height(); y++) {
            for (int x = 0; x < target.width(); x++) {
                double[] sum = new double[3];
                double area = 0;
                for (int j = (int) (y * sy); j < Math.min(h, Math.ceil((y + 1) * sy)); j++) {
                    double wy = Math.min(j + 1, (y + 1) * sy) - Math.max(j, y * sy);
                    for (int i = (int) (x * sx); i < Math.min(w, Math.ceil((x + 1) * sx)); i++) {
                        double wx = Math.min(i + 1, (x + 1) * sx) - Math.max(i, x * sx);
                        int p = rgb[j * w + i];
                        for (int c = 0; c < 3; c++) {
                            sum[c] += (p >> (16 - 8 * c) & 0xFF) * wx * wy;
                        }
                        area += wx * wy;
                    }
                }
                out[y][x] = (int) Math.round(sum[0] / area) << 16 | (int) Math.round(sum[1] / area) << 8
                        | (int) Math.round(sum[2] / area);
            }
        }
        return out;
    }

    private static double psnr(BufferedImage image, int[][] reference) {
        double squares = 0;
        for (int y = 0; y < reference.length; y++) {
            for (int x = 0; x < reference[0].length; x++) {
                int a = image.getRGB(x, y);
                int b = reference[y][x];
                for (int c = 0; c < 3; c++) {
                    int d = (a >> (16 - 8 * c) & 0xFF) - (b >> (16 - 8 * c) & 0xFF);
                    squares += d * d;
                }
            }
        }
        double mse = squares / (3.0 * reference.length * reference[0].length);
        return 10 * Math.log10(255 * 255 / mse);
    }
}
