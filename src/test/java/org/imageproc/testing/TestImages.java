package org.imageproc.testing;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Makes test images in memory: pictures with known pixels, encoded as JPEG or PNG, and deliberately broken files. */
public final class TestImages {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private TestImages() {
    }

    /** An opaque RGB picture with a diagonal gradient, so encoders have something to compress. */
    public static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** Four solid quarters; with known colours the position of each corner shows how a picture was turned. */
    public static BufferedImage quadrants(int width, int height,
                                          Color topLeft, Color topRight, Color bottomLeft, Color bottomRight) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int halfWidth = width / 2;
        int halfHeight = height / 2;
        fill(g, topLeft, 0, 0, halfWidth, halfHeight);
        fill(g, topRight, halfWidth, 0, width - halfWidth, halfHeight);
        fill(g, bottomLeft, 0, halfHeight, halfWidth, height - halfHeight);
        fill(g, bottomRight, halfWidth, halfHeight, width - halfWidth, height - halfHeight);
        g.dispose();
        return image;
    }

    /** ARGB: the left half fully transparent, the right half opaque red. */
    public static BufferedImage halfTransparent(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        fill(g, Color.RED, width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    /** 16 bits per sample RGB, as scanners and editors write them. */
    public static BufferedImage rgb16(int width, int height) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        BufferedImage image = new BufferedImage(model, model.createCompatibleWritableRaster(width, height), false, null);
        return drawn(image, gradient(width, height));
    }

    public static BufferedImage palette(int width, int height) {
        return drawn(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED), gradient(width, height));
    }

    public static BufferedImage gray(int width, int height) {
        return drawn(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), gradient(width, height));
    }

    /** A JPEG of the given size (gradient content). */
    public static byte[] jpeg(int width, int height) {
        return jpeg(gradient(width, height));
    }

    /** Quality 0.95 so solid colours survive compression closely. */
    public static byte[] jpeg(BufferedImage image) {
        return encode(new IIOImage(image, null, null), "jpeg", param -> {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
        });
    }

    /** A four-channel (CMYK) JPEG, as print workflows produce; the ink values are 0 (white) everywhere. */
    public static byte[] cmykJpeg(int width, int height) {
        WritableRaster inks = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        return encode(new IIOImage(inks, null, null), "jpeg", param -> { });
    }

    public static byte[] png(BufferedImage image) {
        return encode(new IIOImage(image, null, null), "png", param -> { });
    }

    public static byte[] gif(BufferedImage image) {
        return encode(new IIOImage(image, null, null), "gif", param -> { });
    }

    /** An Adam7-interlaced PNG. */
    public static byte[] interlacedPng(BufferedImage image) {
        return encode(new IIOImage(image, null, null), "png",
                param -> param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT));
    }

    /** A valid PNG signature, IHDR (8-bit RGB) and IEND with correct CRCs, but no pixel data at all. */
    public static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PNG_SIGNATURE);
        out.writeBytes(pngChunk("IHDR", header.array()));
        out.writeBytes(pngChunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    /** The same PNG with one bit of the named chunk's CRC flipped. */
    public static byte[] withBadCrc(byte[] png, String chunkType) {
        byte[] copy = png.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy);
        int offset = PNG_SIGNATURE.length;
        while (offset + 8 <= copy.length) {
            int length = buffer.getInt(offset);
            int crcOffset = offset + 8 + length;
            if (new String(copy, offset + 4, 4, StandardCharsets.ISO_8859_1).equals(chunkType)) {
                copy[crcOffset] ^= 1;
                return copy;
            }
            offset = crcOffset + 4;
        }
        throw new IllegalArgumentException("No " + chunkType + " chunk in this PNG");
    }

    /** A JPEG with one more segment (marker and payload) right after its SOI marker. */
    public static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(marker);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The first {@code fraction} of the bytes, as an interrupted upload leaves them. */
    public static byte[] truncated(byte[] bytes, double fraction) {
        return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
    }

    /** Decodes encoded image bytes (a thumbnail, say) to look at its pixels. */
    public static BufferedImage decode(byte[] encoded) {
        try {
            return ImageIO.read(new ByteArrayInputStream(encoded));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pngChunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static BufferedImage drawn(BufferedImage target, BufferedImage content) {
        Graphics2D g = target.createGraphics();
        g.drawImage(content, 0, 0, null);
        g.dispose();
        return target;
    }

    private static void fill(Graphics2D g, Color color, int x, int y, int width, int height) {
        g.setColor(color);
        g.fillRect(x, y, width, height);
    }

    private static byte[] encode(IIOImage image, String format, Consumer<ImageWriteParam> settings) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            settings.accept(param);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
