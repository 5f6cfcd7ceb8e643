package org.imageproc.imaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/** Checks the CRC of every PNG chunk, which ImageIO's PNG decoder silently skips. */
final class PngChecksums {

    private static final int SIGNATURE_LENGTH = 8;
    /** Length and type before the data, CRC after it. */
    private static final int CHUNK_OVERHEAD = 12;

    private PngChecksums() {
    }

    /** One warning per damaged chunk; a file cut short stops the check (the decoder reports that itself). */
    static List<String> verify(byte[] png) {
        List<String> warnings = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(png);
        int offset = SIGNATURE_LENGTH;
        while (offset + CHUNK_OVERHEAD <= png.length) {
            long length = Integer.toUnsignedLong(buffer.getInt(offset));
            if (offset + CHUNK_OVERHEAD + length > png.length) {
                break;
            }
            int dataEnd = offset + 8 + (int) length;
            CRC32 crc = new CRC32();
            crc.update(png, offset + 4, 4 + (int) length);
            if (crc.getValue() != Integer.toUnsignedLong(buffer.getInt(dataEnd))) {
                String type = new String(png, offset + 4, 4, StandardCharsets.ISO_8859_1);
                warnings.add("The PNG " + type + " chunk fails its checksum; the file is damaged and the image may"
                        + " show errors");
            }
            offset = dataEnd + 4;
        }
        return warnings;
    }
}
