package org.imageproc.detector.ort;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A constant tensor of the model, float or integer (every integer width is held as long), in row-major order.
 *
 * @param floats the values when float, else null
 * @param longs  the values when integer, else null
 */
record Constant(int[] shape, float[] floats, long[] longs) {

    Constant {
        int size = size(shape);
        if ((floats == null) == (longs == null) || (floats != null ? floats.length : longs.length) != size) {
            throw new IllegalArgumentException("A constant of shape " + Arrays.toString(shape)
                    + " needs exactly " + size + " float or integer values");
        }
    }

    static Constant ofFloats(int[] shape, float[] values) {
        return new Constant(shape, values, null);
    }

    static Constant ofLongs(int[] shape, long[] values) {
        return new Constant(shape, null, values);
    }

    static Constant ofLongs(long... values) {
        return ofLongs(new int[] {values.length}, values);
    }

    static int size(int[] shape) {
        int size = 1;
        for (int dim : shape) {
            size *= dim;
        }
        return size;
    }

    boolean isFloat() {
        return floats != null;
    }

    int rank() {
        return shape.length;
    }

    long longAt(int index) {
        if (longs == null) {
            throw new IllegalArgumentException("An integer constant was expected, not a float one");
        }
        return longs[index];
    }

    /** The same values seen with more leading dimensions of 1, as broadcasting does. */
    Constant withRank(int rank) {
        if (rank < shape.length) {
            throw new IllegalArgumentException("Cannot broadcast a rank " + shape.length + " constant to rank " + rank);
        }
        int[] wider = new int[rank];
        Arrays.fill(wider, 1);
        System.arraycopy(shape, 0, wider, rank - shape.length, shape.length);
        return new Constant(wider, floats, longs);
    }

    /** The values with their axes permuted: the result's axis i is this constant's axis {@code perm[i]}. */
    Constant transpose(int[] perm) {
        int rank = shape.length;
        int[] outShape = new int[rank];
        for (int i = 0; i < rank; i++) {
            outShape[i] = shape[perm[i]];
        }
        int[] strides = new int[rank];
        for (int i = rank - 1, stride = 1; i >= 0; stride *= shape[i], i--) {
            strides[i] = stride;
        }
        int size = size(shape);
        float[] outFloats = floats == null ? null : new float[size];
        long[] outLongs = longs == null ? null : new long[size];
        int[] index = new int[rank];
        for (int out = 0; out < size; out++) {
            int in = 0;
            for (int i = 0; i < rank; i++) {
                in += index[i] * strides[perm[i]];
            }
            if (floats != null) {
                outFloats[out] = floats[in];
            } else {
                outLongs[out] = longs[in];
            }
            for (int i = rank - 1; i >= 0 && ++index[i] == outShape[i]; i--) {
                index[i] = 0;
            }
        }
        return new Constant(outShape, outFloats, outLongs);
    }

    /** The values as ONNX raw_data: little-endian float32 or int64. */
    byte[] rawData() {
        ByteBuffer raw = ByteBuffer.allocate(floats != null ? floats.length * 4 : longs.length * 8)
                .order(ByteOrder.LITTLE_ENDIAN);
        if (floats != null) {
            raw.asFloatBuffer().put(floats);
        } else {
            raw.asLongBuffer().put(longs);
        }
        return raw.array();
    }
}
