package org.imageproc.imaging.jpeg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads the entropy-coded bits of a scan: removes stuffed zero bytes, stops at the next marker, and knows whether
 * the decoder ran past the data (truncated or damaged) or left bytes unread before the marker (damaged).
 */
final class EntropyReader {

    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] data;
    private int pos;
    /** The next bits to read, left-aligned: the oldest at the top, zeros below the {@link #count} valid ones. */
    private long buffer;
    private int count;
    /** Zero bits appended past a marker or the end of the data: reading them means the data ran out. */
    private int padding;

    EntropyReader(byte[] data, int pos) {
        this.data = data;
        this.pos = pos;
    }

    /** Where the next marker starts once the scan (or restart interval) is read. */
    int position() {
        return pos;
    }

    /** Fills the buffer to at least 57 bits. */
    void fill() {
        if (pos + 8 <= data.length) {
            long next = (long) BIG_ENDIAN_LONG.get(data, pos);
            long inverted = ~next;
            // no 0xFF byte among the next eight (the "has a zero byte" test on the inverted bytes): take them whole
            if (((inverted - 0x0101010101010101L) & ~inverted & 0x8080808080808080L) == 0) {
                int bits = (64 - count) & ~7;
                buffer |= (bits == 64 ? next : next & ~(-1L >>> bits)) >>> count;
                count += bits;
                pos += bits >> 3;
                return;
            }
        }
        while (count <= 56) {
            int b = 0;
            if (pos < data.length) {
                b = data[pos] & 0xFF;
                if (b != 0xFF) {
                    pos++;
                } else if (pos + 1 < data.length && data[pos + 1] == 0) {
                    pos += 2;
                } else {
                    b = 0;
                    padding += 8;
                }
            } else {
                padding += 8;
            }
            buffer |= (long) b << (56 - count);
            count += 8;
        }
    }

    /** One Huffman-coded symbol; needs 16 bits in the buffer. */
    int decode(HuffmanTable table) throws NotDecodedHere {
        int entry = table.fast[(int) (buffer >>> (64 - HuffmanTable.LOOKAHEAD))];
        if (entry != 0) {
            buffer <<= entry >>> 8;
            count -= entry >>> 8;
            return entry & 0xFF;
        }
        for (int length = HuffmanTable.LOOKAHEAD + 1; length <= 16; length++) {
            int code = (int) (buffer >>> (64 - length));
            if (code <= table.maxCode[length]) {
                buffer <<= length;
                count -= length;
                return table.symbols[code + table.valueOffset[length]];
            }
        }
        throw new NotDecodedHere("bad Huffman code");
    }

    /** The next {@code n} (0-16) bits as an unsigned number; needs them in the buffer. */
    int bits(int n) {
        if (n == 0) {
            return 0;
        }
        int value = (int) (buffer >>> (64 - n));
        buffer <<= n;
        count -= n;
        return value;
    }

    /** Steps over the next {@code n} bits, refilling as needed. */
    void skip(int n) {
        int left = n;
        while (left > 0) {
            ensure();
            int step = Math.min(left, 24);
            buffer <<= step;
            count -= step;
            left -= step;
        }
    }

    /** Refills when fewer than 32 bits are left: enough for a symbol and its extra bits. */
    void ensure() {
        if (count < 32) {
            fill();
        }
    }

    /**
     * Reads past the rest of a block's AC coefficients, from zigzag index {@code from} on, without keeping them (only
     * the lowest coefficients count at a reduced scale): the hot loop of the decoder, so it works on local copies of
     * the bit buffer and steps over two short codes per lookup.
     */
    void skipAc(HuffmanTable table, int from) throws NotDecodedHere {
        int[] pairs = table.pairs();
        long bits = buffer;
        int available = count;
        int k = from;
        while (k < 64) {
            if (available < 32) {
                buffer = bits;
                count = available;
                fill();
                bits = buffer;
                available = count;
            }
            int entry = pairs[(int) (bits >>> (64 - HuffmanTable.PAIR_LOOKAHEAD))];
            if (entry != 0) {
                int firstAdvance = entry >>> 17;
                if (k + firstAdvance >= 64) {
                    // the block ends with the first code: what follows it is the next block's
                    int firstBits = (entry >>> 12) & 31;
                    bits <<= firstBits;
                    available -= firstBits;
                    k += firstAdvance;
                    break;
                }
                bits <<= entry & 31;
                available -= entry & 31;
                k += (entry >>> 5) & 63;
                if ((entry & HuffmanTable.PAIR_END) != 0) {
                    break;
                }
                continue;
            }
            buffer = bits;
            count = available;
            int rs = decode(table);
            int size = rs & 15;
            bits = buffer;
            available = count;
            if (size == 0) {
                if (rs != 0xF0) {
                    break;
                }
                k += 16;
                continue;
            }
            if (size > 10) {
                throw new NotDecodedHere("an AC coefficient out of range");
            }
            bits <<= size;
            available -= size;
            k += (rs >> 4) + 1;
        }
        buffer = bits;
        count = available;
        if (k > 64) {
            throw new NotDecodedHere("an AC coefficient past the end of a block");
        }
    }

    /** A DC difference (its code and extra bits); needs 16 + 11 bits in the buffer. */
    int difference(HuffmanTable table) throws NotDecodedHere {
        int entry = table.values[(int) (buffer >>> (64 - HuffmanTable.VALUE_LOOKAHEAD))];
        if (entry != 0) {
            buffer <<= entry & 31;
            count -= entry & 31;
            return entry >> 16;
        }
        int size = decode(table);
        if (size > 11) {
            throw new NotDecodedHere("a DC difference out of range");
        }
        return signed(size);
    }

    /**
     * An AC coefficient as the run of zeros before it (bits 5-8) and its value (bits 16 and up; 0 for an end of block
     * or a run of 16 zeros); needs 16 + 10 bits in the buffer.
     */
    int coefficient(HuffmanTable table) throws NotDecodedHere {
        int entry = table.values[(int) (buffer >>> (64 - HuffmanTable.VALUE_LOOKAHEAD))];
        if (entry != 0) {
            buffer <<= entry & 31;
            count -= entry & 31;
            return entry;
        }
        int rs = decode(table);
        int size = rs & 15;
        if (size > 10) {
            throw new NotDecodedHere("an AC coefficient out of range");
        }
        return signed(size) << 16 | (rs >> 4) << 5;
    }

    /** The signed value of {@code n} extra bits (JPEG's EXTEND). */
    int signed(int n) {
        if (n == 0) {
            return 0;
        }
        int value = bits(n);
        return value < 1 << (n - 1) ? value - (1 << n) + 1 : value;
    }

    /** Checks that the scan or interval used its data exactly: at most the 7 fill bits of its last byte are left. */
    void finish() throws NotDecodedHere {
        int unread = count - padding;
        if (unread < 0) {
            throw new NotDecodedHere("the entropy-coded data ends early");
        }
        if (unread > 7) {
            throw new NotDecodedHere("extraneous bytes before a marker");
        }
        if (pos + 1 >= data.length || (data[pos] & 0xFF) != 0xFF) {
            throw new NotDecodedHere("no marker after the entropy-coded data");
        }
    }

    /** Steps over the restart marker RSTn that must follow an interval, and starts afresh after it. */
    void restart(int n) throws NotDecodedHere {
        finish();
        if ((data[pos + 1] & 0xFF) != 0xD0 + n) {
            throw new NotDecodedHere("a restart marker is missing or out of order");
        }
        pos += 2;
        buffer = 0;
        count = 0;
        padding = 0;
    }
}
