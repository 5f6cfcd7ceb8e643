package org.imageproc.thumbnail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Writes which run made a thumbnail into the file itself (a JPEG comment, a PNG tEXt chunk). Two runs then never
 * write the same bytes, so the ETag S3 gives a thumbnail names one run's write, and a conditional request on it
 * cannot mistake another run's identical-looking thumbnail for its own.
 */
final class Provenance {

    private static final int PNG_SIGNATURE_AND_HEADER = 8 + 4 + 4 + 13 + 4;

    private Provenance() {
    }

    static byte[] stamp(byte[] encoded, String contentType, String text) {
        byte[] note = text.getBytes(StandardCharsets.ISO_8859_1);
        return "image/png".equals(contentType) ? png(encoded, note) : jpeg(encoded, note);
    }

    /** A COM segment right after SOI. */
    private static byte[] jpeg(byte[] encoded, byte[] note) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length + note.length + 4);
        out.write(encoded, 0, 2);
        out.write(0xFF);
        out.write(0xFE);
        int length = note.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(note, 0, note.length);
        out.write(encoded, 2, encoded.length - 2);
        return out.toByteArray();
    }

    /** A tEXt chunk ("Comment") right after IHDR, which PNG requires to come first. */
    private static byte[] png(byte[] encoded, byte[] note) {
        byte[] keyword = "Comment\0".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer data = ByteBuffer.allocate(4 + keyword.length + note.length);
        data.put("tEXt".getBytes(StandardCharsets.ISO_8859_1)).put(keyword).put(note);
        CRC32 crc = new CRC32();
        crc.update(data.array());
        ByteBuffer chunk = ByteBuffer.allocate(4 + data.capacity() + 4)
                .putInt(keyword.length + note.length).put(data.array()).putInt((int) crc.getValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length + chunk.capacity());
        out.write(encoded, 0, PNG_SIGNATURE_AND_HEADER);
        out.write(chunk.array(), 0, chunk.capacity());
        out.write(encoded, PNG_SIGNATURE_AND_HEADER, encoded.length - PNG_SIGNATURE_AND_HEADER);
        return out.toByteArray();
    }
}
