package org.imageproc.imaging.jpeg;

/**
 * One Huffman table of a JPEG (DHT), with lookups that take the common short codes in one step: the symbol alone,
 * the symbol with its coefficient's value, or (to step over AC coefficients) two codes and their extra bits at once.
 */
final class HuffmanTable {

    static final int LOOKAHEAD = 9;
    static final int SKIP_LOOKAHEAD = 10;
    static final int VALUE_LOOKAHEAD = 12;
    static final int PAIR_LOOKAHEAD = 12;
    /** In a {@link #pairs()} entry: the block ends with this step (end of block, first or second). */
    static final int PAIR_END = 1 << 11;

    /** Indexed by the next {@link #LOOKAHEAD} bits: code length in bits 8 and up, symbol below; 0 for longer codes. */
    final int[] fast = new int[1 << LOOKAHEAD];
    /** The largest code of each length (1-16), -1 where there is none. */
    final int[] maxCode = new int[17];
    /** Added to a code of each length to find its symbol's index. */
    final int[] valueOffset = new int[17];
    final int[] symbols;
    /**
     * For skipping AC coefficients, indexed by the next {@link #SKIP_LOOKAHEAD} bits where they hold a whole code:
     * the bits of the code and its extra bits together (low 5 bits; the extra bits' value is never needed) and how
     * far the coefficient index moves (0 for end of block); 0 for longer codes.
     */
    final int[] skip = new int[1 << SKIP_LOOKAHEAD];
    /**
     * Indexed by the next {@link #VALUE_LOOKAHEAD} bits where they hold a whole code and its extra bits: their bit
     * count (low 5 bits), the run of zeros (bits 5-8) and the signed value (bits 16 and up; 0 for an AC table's end
     * of block or run of 16 zeros); 0 where the code or its extra bits are longer, or the symbol is out of range.
     */
    final int[] values = new int[1 << VALUE_LOOKAHEAD];
    private int[] pairs;

    /** @param ac whether it codes AC coefficients (run and size) rather than DC differences (size alone) */
    HuffmanTable(int[] counts, int[] symbols, boolean ac) throws NotDecodedHere {
        this.symbols = symbols;
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            valueOffset[length] = k - code;
            for (int i = 0; i < counts[length - 1]; i++, k++, code++) {
                addSkip(code, length, symbols[k]);
                addValues(code, length, symbols[k], ac);
                if (length <= LOOKAHEAD) {
                    int first = code << (LOOKAHEAD - length);
                    for (int j = 0; j < 1 << (LOOKAHEAD - length); j++) {
                        fast[first + j] = length << 8 | symbols[k];
                    }
                }
            }
            maxCode[length] = counts[length - 1] == 0 ? -1 : code - 1;
            if (code > 1 << length) {
                throw new NotDecodedHere("a Huffman table has more codes than fit");
            }
            code <<= 1;
        }
    }

    private void addSkip(int code, int length, int symbol) {
        int extra = symbol & 15;
        int run = symbol >> 4;
        int total = length + extra;
        if (length > SKIP_LOOKAHEAD || extra > 10) {
            return;
        }
        int advance = extra == 0 ? (run == 15 ? 16 : 0) : run + 1;
        if (extra == 0 && run != 15 && run != 0) {
            // an end-of-band run belongs to progressive scans; the slow path treats it as libjpeg does
            return;
        }
        int first = code << (SKIP_LOOKAHEAD - length);
        for (int j = 0; j < 1 << (SKIP_LOOKAHEAD - length); j++) {
            skip[first + j] = advance << 5 | total;
        }
    }

    private void addValues(int code, int length, int symbol, boolean ac) {
        int size = ac ? symbol & 15 : symbol;
        int run = ac ? symbol >> 4 : 0;
        int total = length + size;
        if (total > VALUE_LOOKAHEAD || size > (ac ? 10 : 11)) {
            return;
        }
        for (int extra = 0; extra < 1 << size; extra++) {
            int value = size == 0 ? 0 : extra < 1 << (size - 1) ? extra - (1 << size) + 1 : extra;
            int first = (code << size | extra) << (VALUE_LOOKAHEAD - total);
            for (int j = 0; j < 1 << (VALUE_LOOKAHEAD - total); j++) {
                values[first + j] = value << 16 | run << 5 | total;
            }
        }
    }

    /**
     * For skipping AC coefficients two codes at a time, indexed by the next {@link #PAIR_LOOKAHEAD} bits: the bits to
     * skip (low 5), how far the coefficient index moves (bits 5-10), {@link #PAIR_END}, and the same two counts for
     * the first code alone (bits 12-16 and 17-22) for a block that ends with it; 0 where the first code is longer
     * than {@link #SKIP_LOOKAHEAD}. Made on first use, as only AC tables at reduced scales need it.
     */
    int[] pairs() {
        if (pairs == null) {
            int[] table = new int[1 << PAIR_LOOKAHEAD];
            for (int i = 0; i < table.length; i++) {
                table[i] = pair(i);
            }
            pairs = table;
        }
        return pairs;
    }

    private int pair(int index) {
        int first = skip[index >>> (PAIR_LOOKAHEAD - SKIP_LOOKAHEAD)];
        if (first == 0) {
            return 0;
        }
        int firstBits = first & 31;
        int firstAdvance = first >>> 5;
        int single = firstAdvance << 17 | firstBits << 12 | firstAdvance << 5 | firstBits;
        int left = PAIR_LOOKAHEAD - firstBits;
        if (firstAdvance == 0) {
            return single | PAIR_END;
        }
        if (left < 1) {
            return single;
        }
        int rest = index & ((1 << left) - 1);
        int second = fast[left <= LOOKAHEAD ? rest << (LOOKAHEAD - left) : rest >>> (left - LOOKAHEAD)];
        int length = second >>> 8;
        int size = second & 15;
        int run = (second & 0xFF) >> 4;
        if (second == 0 || length > left || size > 10 || (size == 0 && run != 0 && run != 15)) {
            return single;
        }
        int advance = size == 0 ? (run == 15 ? 16 : 0) : run + 1;
        int both = firstAdvance << 17 | firstBits << 12 | (firstAdvance + advance) << 5 | firstBits + length + size;
        return advance == 0 ? both | PAIR_END : both;
    }
}
