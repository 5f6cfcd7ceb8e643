package org.imageproc.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns DynamoDB's LastEvaluatedKey into an opaque cursor and back: the list it belongs to (its scope, e.g. a user's
 * search for one label) and the key, with a checksum, in URL-safe Base64. A cursor comes back only for the same
 * scope and with exactly the key attributes of that list, so it can position a query only inside the caller's own
 * partition; the checksum catches damage, the scope and key checks a forged or foreign one.
 */
final class Cursors {

    private static final int VERSION = 1;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Cursors() {
    }

    static String encode(String scope, Map<String, AttributeValue> key) {
        if (key == null || key.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(scope);
            out.writeByte(key.size());
            for (Map.Entry<String, AttributeValue> attribute : key.entrySet()) {
                AttributeValue value = attribute.getValue();
                out.writeUTF(attribute.getKey());
                out.writeBoolean(value.n() != null);
                out.writeUTF(value.n() != null ? value.n() : value.s());
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ENCODER.encodeToString(bytes.toByteArray());
    }

    /**
     * The key a cursor of {@code scope} stands for; throws {@link BadCursorException} unless it names exactly
     * {@code keyNames} and its {@code hashKey} is {@code hashValue}.
     */
    static Map<String, AttributeValue> decode(String cursor, String scope, Set<String> keyNames, String hashKey,
            String hashValue) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            if (bytes.length < 5) {
                throw new BadCursorException();
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 4);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if ((int) crc.getValue() != new DataInputStream(new ByteArrayInputStream(
                    Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length))).readInt()
                    || in.readByte() != VERSION || !scope.equals(in.readUTF())) {
                throw new BadCursorException();
            }
            int size = in.readByte();
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                String name = in.readUTF();
                boolean number = in.readBoolean();
                String value = in.readUTF();
                key.put(name, number ? AttributeValue.fromN(new BigDecimal(value).toPlainString())
                        : AttributeValue.fromS(value));
            }
            AttributeValue hash = key.get(hashKey);
            if (!key.keySet().equals(keyNames) || hash == null || !hashValue.equals(hash.s())
                    || in.available() != 4) {
                throw new BadCursorException();
            }
            return key;
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof BadCursorException bad) {
                throw bad;
            }
            throw new BadCursorException();
        }
    }
}
