package org.imageproc.imaging.jpeg;

import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a JPEG's markers and decodes it at a reduced scale in the DCT domain. Takes only what it fully understands
 * (8-bit Huffman baseline, extended or progressive; grey, YCbCr or Adobe RGB) and only clean data; anything else
 * throws {@link NotDecodedHere} so ImageIO decodes it, with its warnings, exactly as before.
 */
final class JpegDecoder {

    private final byte[] data;
    private final int blockSize;
    private final int outputWidth;
    private final int outputHeight;
    private final int[][] quantTables = new int[4][];
    private final HuffmanTable[] dcTables = new HuffmanTable[4];
    private final HuffmanTable[] acTables = new HuffmanTable[4];
    private final List<byte[]> iccChunks = new ArrayList<>();
    private Frame frame;
    private int restartInterval;
    private boolean jfif;
    private int adobeTransform = -1;

    /**
     * @param blockSize samples per block edge: 1, 2 or 4 (1/8, 1/4 or 1/2 scale)
     * @param width     the output width, at most the decoded width; 0 for the decoded size itself
     * @param height    the output height, at most the decoded height; 0 for the decoded size itself
     */
    JpegDecoder(byte[] data, int blockSize, int width, int height) {
        this.data = data;
        this.blockSize = blockSize;
        this.outputWidth = width;
        this.outputHeight = height;
    }

    BufferedImage decode() throws NotDecodedHere {
        if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
            throw new NotDecodedHere("no start of image");
        }
        int pos = 2;
        while (true) {
            if (pos + 1 >= data.length || (data[pos] & 0xFF) != 0xFF) {
                throw new NotDecodedHere("no marker where one must be");
            }
            while (pos + 1 < data.length && (data[pos + 1] & 0xFF) == 0xFF) {
                pos++;
            }
            if (pos + 1 >= data.length) {
                throw new NotDecodedHere("the file ends before its end marker");
            }
            int marker = data[pos + 1] & 0xFF;
            pos += 2;
            if (marker == 0xD9) {
                return finish();
            }
            int length = u16(pos);
            int end = pos + length;
            if (length < 2 || end > data.length) {
                throw new NotDecodedHere("a marker segment runs past the end");
            }
            switch (marker) {
                case 0xC0, 0xC1 -> frame(pos + 2, false);
                case 0xC2 -> frame(pos + 2, true);
                case 0xC4 -> huffmanTables(pos + 2, end);
                case 0xDB -> quantTables(pos + 2, end);
                case 0xDD -> restartInterval = u16(pos + 2);
                case 0xDA -> end = scan(pos + 2);
                case 0xE0 -> jfif |= ascii(pos + 2, end, "JFIF\0");
                case 0xE2 -> iccChunk(pos + 2, end);
                case 0xEE -> adobe(pos + 2, end);
                default -> {
                    if (marker < 0xE0 || marker == 0xFF) {
                        // other frame types (lossless, hierarchical, arithmetic), DNL, stray RSTn...
                        throw new NotDecodedHere(String.format("marker 0x%02X", marker));
                    }
                }
            }
            pos = end;
        }
    }

    private void frame(int pos, boolean progressive) throws NotDecodedHere {
        if (frame != null) {
            throw new NotDecodedHere("a second frame");
        }
        int precision = data[pos] & 0xFF;
        int height = u16(pos + 1);
        int width = u16(pos + 3);
        int count = data[pos + 5] & 0xFF;
        if (precision != 8 || height == 0 || width == 0 || (count != 1 && count != 3)) {
            throw new NotDecodedHere("precision " + precision + ", " + count + " components");
        }
        int[][] specs = new int[count][];
        for (int i = 0; i < count; i++) {
            int at = pos + 6 + 3 * i;
            specs[i] = new int[] {data[at] & 0xFF, (data[at + 1] & 0xFF) >> 4, data[at + 1] & 0xF, data[at + 2] & 0xFF};
        }
        frame = new Frame(width, height, progressive, blockSize, specs);
    }

    /** Decodes (or, for a progressive AC scan at 1/8, skips) one scan; returns where the next marker starts. */
    private int scan(int pos) throws NotDecodedHere {
        if (frame == null) {
            throw new NotDecodedHere("a scan before the frame header");
        }
        int count = data[pos] & 0xFF;
        if (count < 1 || count > 4) {
            throw new NotDecodedHere("a scan of " + count + " components");
        }
        Component[] components = new Component[count];
        HuffmanTable[] dc = new HuffmanTable[count];
        HuffmanTable[] ac = new HuffmanTable[count];
        for (int i = 0; i < count; i++) {
            int id = data[pos + 1 + 2 * i] & 0xFF;
            int tables = data[pos + 2 + 2 * i] & 0xFF;
            components[i] = component(id);
            dc[i] = dcTables[(tables >> 4) & 3];
            ac[i] = acTables[tables & 3];
        }
        int at = pos + 1 + 2 * count;
        int start = data[at] & 0xFF;
        int stop = data[at + 1] & 0xFF;
        int high = (data[at + 2] & 0xFF) >> 4;
        int low = data[at + 2] & 0xF;
        int entropy = at + 3;
        int blocksPerMcu = 0;
        for (Component c : components) {
            latchQuantTable(c);
            blocksPerMcu += c.h * c.v;
        }
        if (count > 1 && blocksPerMcu > 10) {
            throw new NotDecodedHere("more than 10 blocks to an MCU");
        }
        if (!frame.progressive) {
            if (start != 0 || stop != 63 || high != 0 || low != 0) {
                throw new NotDecodedHere("a sequential scan with spectral selection");
            }
            requireTables(dc);
            requireTables(ac);
            EntropyReader in = new EntropyReader(data, entropy);
            new ScanDecoder(frame, components, dc, ac, restartInterval).sequential(in);
            return in.position();
        }
        if ((start == 0) != (stop == 0) || stop > 63 || stop < start || (start > 0 && count != 1)
                || (high != 0 && high != low + 1) || low > 13) {
            throw new NotDecodedHere("an invalid progressive scan");
        }
        for (Component c : components) {
            if (c.coefficients == null) {
                c.coefficients = new Coefficients(c.blocksWide * c.blocksHigh, blockSize);
            }
            c.coefficients.progress(start, stop, high, low);
        }
        if (start > 0 && blockSize == 1) {
            // at 1/8 scale only the DC coefficients count
            return skipEntropyData(entropy);
        }
        // a DC refinement reads raw bits, no Huffman table
        if (start > 0) {
            requireTables(ac);
        } else if (high == 0) {
            requireTables(dc);
        }
        EntropyReader in = new EntropyReader(data, entropy);
        ScanDecoder decoder = new ScanDecoder(frame, components, dc, ac, restartInterval);
        if (start == 0) {
            decoder.progressiveDc(in, high, low);
        } else {
            decoder.progressiveAc(in, start, stop, high, low);
        }
        return in.position();
    }

    private static void requireTables(HuffmanTable[] tables) throws NotDecodedHere {
        for (HuffmanTable table : tables) {
            if (table == null) {
                throw new NotDecodedHere("a scan uses an undefined Huffman table");
            }
        }
    }

    private Component component(int id) throws NotDecodedHere {
        for (Component c : frame.components) {
            if (c.id == id) {
                return c;
            }
        }
        throw new NotDecodedHere("a scan names an unknown component");
    }

    private void latchQuantTable(Component c) throws NotDecodedHere {
        if (c.quant == null) {
            if (quantTables[c.quantTable] == null) {
                throw new NotDecodedHere("an undefined quantisation table");
            }
            c.quant = quantTables[c.quantTable].clone();
        }
        c.seen = true;
    }

    /** Steps over a scan's entropy-coded data, restart markers included. */
    private int skipEntropyData(int pos) throws NotDecodedHere {
        for (int i = pos; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == 0xFF) {
                int next = data[i + 1] & 0xFF;
                if (next != 0 && (next < 0xD0 || next > 0xD7)) {
                    return i;
                }
                i++;
            }
        }
        throw new NotDecodedHere("the file ends inside a scan");
    }

    private BufferedImage finish() throws NotDecodedHere {
        if (frame == null) {
            throw new NotDecodedHere("no frame");
        }
        for (Component c : frame.components) {
            if (!c.seen) {
                throw new NotDecodedHere("a component without a scan");
            }
            if (frame.progressive) {
                c.coefficients.writeSamples(c);
            }
        }
        ICC_ColorSpace profile = iccProfile();
        if (frame.components.length == 1) {
            if (profile != null) {
                throw new NotDecodedHere("a grey image with a colour profile");
            }
            return render(ColourOutput.Transform.YCBCR);
        }
        BufferedImage image = render(colourTransform());
        if (profile != null) {
            // ImageIO converts from an embedded profile to sRGB as well: the same colours, whichever decoder ran
            new ColorConvertOp(profile, ColorSpace.getInstance(ColorSpace.CS_sRGB), null)
                    .filter(image.getRaster(), image.getRaster());
        }
        return image;
    }

    private BufferedImage render(ColourOutput.Transform transform) throws NotDecodedHere {
        int width = outputWidth == 0 ? frame.scaledWidth() : outputWidth;
        int height = outputHeight == 0 ? frame.scaledHeight() : outputHeight;
        if (width > frame.scaledWidth() || height > frame.scaledHeight()) {
            throw new NotDecodedHere("an output larger than the decoded size");
        }
        return ColourOutput.render(frame, transform, width, height);
    }

    /** libjpeg's guess, narrowed to the cases where it is unambiguous; the rest goes to ImageIO. */
    private ColourOutput.Transform colourTransform() throws NotDecodedHere {
        if (adobeTransform == 0 && !jfif) {
            return ColourOutput.Transform.RGB;
        }
        if (jfif || adobeTransform == 1) {
            return ColourOutput.Transform.YCBCR;
        }
        Component[] c = frame.components;
        boolean numbered = c[0].id + 1 == c[1].id && c[1].id + 1 == c[2].id && c[0].id <= 1;
        if (adobeTransform == -1 && numbered) {
            return ColourOutput.Transform.YCBCR;
        }
        throw new NotDecodedHere("colour components of unclear meaning");
    }

    /** The embedded profile, checked as ImageIO checks it (ImageIO warns about, and ignores, one that fails). */
    private ICC_ColorSpace iccProfile() throws NotDecodedHere {
        if (iccChunks.isEmpty()) {
            return null;
        }
        iccChunks.sort((a, b) -> Integer.compare(a[0], b[0]));
        ByteArrayOutputStream profile = new ByteArrayOutputStream();
        for (int i = 0; i < iccChunks.size(); i++) {
            byte[] chunk = iccChunks.get(i);
            if (chunk[0] != i + 1 || chunk[1] != iccChunks.size()) {
                throw new NotDecodedHere("ICC profile chunks out of sequence");
            }
            profile.write(chunk, 2, chunk.length - 2);
        }
        try {
            ICC_ColorSpace colourSpace = new ICC_ColorSpace(ICC_Profile.getInstance(profile.toByteArray()));
            colourSpace.fromRGB(new float[] {1f, 0f, 0f});
            return colourSpace;
        } catch (IllegalArgumentException | CMMException e) {
            throw new NotDecodedHere("an invalid ICC profile");
        }
    }

    private void iccChunk(int pos, int end) {
        if (ascii(pos, end, "ICC_PROFILE\0") && end - pos > 14) {
            byte[] chunk = new byte[end - pos - 12];
            System.arraycopy(data, pos + 12, chunk, 0, chunk.length);
            iccChunks.add(chunk);
        }
    }

    private void adobe(int pos, int end) {
        if (ascii(pos, end, "Adobe") && end - pos >= 12) {
            adobeTransform = data[pos + 11] & 0xFF;
        }
    }

    private void quantTables(int pos, int end) throws NotDecodedHere {
        while (pos < end) {
            int precision = (data[pos] & 0xFF) >> 4;
            int id = data[pos] & 0xF;
            int size = precision == 0 ? 64 : 128;
            if (id > 3 || precision > 1 || pos + 1 + size > end) {
                throw new NotDecodedHere("an invalid quantisation table");
            }
            int[] table = new int[64];
            for (int k = 0; k < 64; k++) {
                int value = precision == 0 ? data[pos + 1 + k] & 0xFF : u16(pos + 1 + 2 * k);
                table[ReducedIdct.NATURAL[k]] = value;
            }
            quantTables[id] = table;
            pos += 1 + size;
        }
    }

    private void huffmanTables(int pos, int end) throws NotDecodedHere {
        while (pos < end) {
            int tableClass = (data[pos] & 0xFF) >> 4;
            int id = data[pos] & 0xF;
            if (tableClass > 1 || id > 3 || pos + 17 > end) {
                throw new NotDecodedHere("an invalid Huffman table");
            }
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = data[pos + 1 + i] & 0xFF;
                total += counts[i];
            }
            if (total > 256 || pos + 17 + total > end) {
                throw new NotDecodedHere("an invalid Huffman table");
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = data[pos + 17 + i] & 0xFF;
            }
            (tableClass == 0 ? dcTables : acTables)[id] = new HuffmanTable(counts, symbols, tableClass == 1);
            pos += 17 + total;
        }
    }

    private int u16(int pos) throws NotDecodedHere {
        if (pos + 1 >= data.length) {
            throw new NotDecodedHere("the file ends inside a marker segment");
        }
        return (data[pos] & 0xFF) << 8 | data[pos + 1] & 0xFF;
    }

    private boolean ascii(int pos, int end, String text) {
        byte[] expected = text.getBytes(StandardCharsets.ISO_8859_1);
        if (end - pos < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (data[pos + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
