package org.imageproc.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.imageproc.imaging.ImageFormat;
import org.imageproc.imaging.PixelBudget;
import org.imageproc.imaging.SubsampledReader;
import org.imageproc.imaging.WorkingImage;
import org.imageproc.imaging.WorkingImageReader;
import org.imageproc.imaging.jpeg.DctScaledJpeg;
import org.imageproc.memory.CollectorAdvice;
import org.imageproc.thumbnail.Thumbnail;
import org.imageproc.thumbnail.ThumbnailMaker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH microbenchmark of the decode/thumbnail path on one corpus JPEG at a time (a 12 MP baseline one and a
 * progressive camera original by default): ImageIO keeping every 8th pixel of a full decode, the DCT decoder at 1/8,
 * the whole upright thumbnail made from the file alone, and the service's decode-image step with labels on (the
 * working image for an 832 px label rendition). Run with {@code bench/jmh.sh} (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx64m", CollectorAdvice.OPTION})
public class DecodeBenchmark {

    /** The corpus folder, relative to the project root. */
    @Param("../shared/bench/corpus")
    public String corpus;

    @Param({"jpeg12mp/bridge.jpg", "jpeg_native/seeding_5312x2988_prog.jpg", "jpeg_native/dragonfly_4224x3168_prog.jpg"})
    public String file;

    private byte[] jpeg;
    private final ThumbnailMaker maker = new ThumbnailMaker(250);

    @Setup
    public void read() throws IOException {
        jpeg = Files.readAllBytes(Path.of(corpus, file));
    }

    @Benchmark
    public BufferedImage imageIoEveryEighthPixel() {
        try (SubsampledReader reader = SubsampledReader.open(jpeg, ImageFormat.JPEG)) {
            return reader.read(8);
        }
    }

    @Benchmark
    public BufferedImage dctOneEighth() {
        return DctScaledJpeg.decode(jpeg, 8).orElseThrow();
    }

    @Benchmark
    public Thumbnail thumbnail() {
        return maker.make(jpeg, ImageFormat.JPEG, 1);
    }

    @Benchmark
    public WorkingImage workingImageForLabels() {
        return WorkingImageReader.read(jpeg, ImageFormat.JPEG, 1, 832, PixelBudget.unlimited());
    }
}
