import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.imageproc.imaging.jpeg.DctScaledJpeg;

/**
 * The evaluation behind issue #11's choice of decoder (not part of the product): decodes each JPEG of a folder at
 * 1/8 scale with ImageIO (every 8th pixel of a full decode), the project's pure-Java DCT decoder, and libjpeg-turbo's
 * TurboJPEG API through the FFM API, interleaved in the same run, and prints median thread-CPU ms per image.
 *
 * <p>Needs JDK 22+ and Debian's libturbojpeg0; run from the project root after {@code mvn -o -q compile}:
 * {@code /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --enable-native-access=ALL-UNNAMED -cp target/classes
 * bench/eval/DecoderShootout.java ../shared/bench/corpus/jpeg12mp [rounds]}
 */
public final class DecoderShootout {

    private static final int TJPF_BGRX = 3;

    private static MethodHandle init;
    private static MethodHandle header;
    private static MethodHandle decompress;
    private static MethodHandle destroy;

    public static void main(String[] args) throws Throwable {
        List<byte[]> files = new ArrayList<>();
        try (var listing = Files.list(Path.of(args[0]))) {
            for (Path p : listing.filter(p -> p.toString().endsWith(".jpg")).sorted().toList()) {
                files.add(Files.readAllBytes(p));
            }
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        bindTurboJpeg();
        Map<String, Function<byte[], BufferedImage>> decoders = new LinkedHashMap<>();
        decoders.put("ImageIO, every 8th pixel", DecoderShootout::imageIo);
        decoders.put("pure-Java DCT decoder, 1/8", bytes -> DctScaledJpeg.decode(bytes, 8).orElseThrow());
        decoders.put("TurboJPEG via FFM, 1/8", DecoderShootout::turbo);
        Map<String, List<Double>> perImage = new LinkedHashMap<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds + 3; round++) {
            for (var decoder : decoders.entrySet()) {
                for (byte[] jpeg : files) {
                    long start = threads.getCurrentThreadCpuTime();
                    BufferedImage image = decoder.getValue().apply(jpeg);
                    double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6;
                    if (image.getWidth() < 100) {
                        throw new IllegalStateException("decoded too small");
                    }
                    if (round >= 3) {
                        perImage.computeIfAbsent(decoder.getKey(), k -> new ArrayList<>()).add(ms);
                    }
                }
            }
        }
        System.out.printf("%s: %d JPEGs, %d rounds after 3 warm-up rounds, load average %s%n", args[0], files.size(),
                rounds, Files.readString(Path.of("/proc/loadavg")).trim());
        for (var entry : perImage.entrySet()) {
            double[] ms = entry.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("  %-28s median %6.2f ms, p90 %6.2f ms (thread CPU per image)%n", entry.getKey(),
                    ms[ms.length / 2], ms[(int) (ms.length * 0.9)]);
        }
    }

    private static BufferedImage imageIo(byte[] jpeg) {
        try {
            ImageReader reader = ImageIO.getImageReadersByFormatName("JPEG").next();
            reader.setInput(new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg)), true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(8, 8, 0, 0);
            BufferedImage image = reader.read(0, param);
            reader.dispose();
            return image;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void bindTurboJpeg() {
        Linker linker = Linker.nativeLinker();
        SymbolLookup lib = SymbolLookup.libraryLookup("libturbojpeg.so.0", Arena.global());
        var address = ValueLayout.ADDRESS;
        var i32 = ValueLayout.JAVA_INT;
        init = linker.downcallHandle(lib.find("tjInitDecompress").orElseThrow(), FunctionDescriptor.of(address));
        header = linker.downcallHandle(lib.find("tjDecompressHeader3").orElseThrow(),
                FunctionDescriptor.of(i32, address, address, ValueLayout.JAVA_LONG, address, address, address, address));
        decompress = linker.downcallHandle(lib.find("tjDecompress2").orElseThrow(),
                FunctionDescriptor.of(i32, address, address, ValueLayout.JAVA_LONG, address, i32, i32, i32, i32, i32));
        destroy = linker.downcallHandle(lib.find("tjDestroy").orElseThrow(), FunctionDescriptor.of(i32, address));
    }

    /** The TurboJPEG decode of the JPEG at 1/8 (libjpeg-turbo's DC-only IDCT), copied into an INT_RGB image. */
    private static BufferedImage turbo(byte[] jpeg) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handle = (MemorySegment) init.invokeExact();
            MemorySegment source = arena.allocate(jpeg.length);
            MemorySegment.copy(jpeg, 0, source, ValueLayout.JAVA_BYTE, 0, jpeg.length);
            MemorySegment ints = arena.allocate(ValueLayout.JAVA_INT, 4);
            int rc = (int) header.invokeExact(handle, source, (long) jpeg.length, ints,
                    ints.asSlice(4), ints.asSlice(8), ints.asSlice(12));
            int width = (ints.get(ValueLayout.JAVA_INT, 0) + 7) / 8;
            int height = (ints.get(ValueLayout.JAVA_INT, 4) + 7) / 8;
            MemorySegment pixels = arena.allocate((long) width * height * 4);
            rc |= (int) decompress.invokeExact(handle, source, (long) jpeg.length, pixels, width, 0, height,
                    TJPF_BGRX, 0);
            int ignored = (int) destroy.invokeExact(handle);
            if (rc != 0) {
                throw new IllegalStateException("TurboJPEG failed");
            }
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            int[] target = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
            MemorySegment.copy(pixels, ValueLayout.JAVA_INT, 0, target, 0, target.length);
            return image;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
