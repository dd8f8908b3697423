package io.github.stance4j.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stance4j weight file: named tensors stored as float32, float16, or int8 with one scale per
 * row. Internal. Layout: magic {@code S4JW}, version, count, then per tensor its name, storage
 * type, rank, dimensions and little-endian data.
 */
public final class TensorFile {
    /** How a tensor's values are stored on disk. */
    public enum Storage { FP32, FP16, INT8_ROWS }

    private static final int MAGIC = 0x53344A57; // "S4JW"
    private static final int VERSION = 1;

    private TensorFile() {}

    /** Writes the tensors, choosing each one's storage with {@code storage}. */
    public static void write(OutputStream out, Map<String, Tensor> tensors, java.util.function.Function<Tensor, Storage> storage)
            throws IOException {
        DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeInt(tensors.size());
        for (Tensor t : tensors.values()) {
            Storage s = t.shape().length < 2 ? Storage.FP32 : storage.apply(t);
            d.writeUTF(t.name());
            d.writeByte(s.ordinal());
            d.writeByte(t.shape().length);
            for (int dim : t.shape()) {
                d.writeInt(dim);
            }
            float[] v = t.data();
            switch (s) {
                case FP32 -> {
                    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                    b.asFloatBuffer().put(v);
                    d.write(b.array());
                }
                case FP16 -> {
                    ByteBuffer b = ByteBuffer.allocate(v.length * 2).order(ByteOrder.LITTLE_ENDIAN);
                    for (float f : v) {
                        b.putShort(toHalf(f));
                    }
                    d.write(b.array());
                }
                case INT8_ROWS -> {
                    int cols = t.shape()[t.shape().length - 1];
                    int rows = v.length / cols;
                    ByteBuffer scales = ByteBuffer.allocate(rows * 4).order(ByteOrder.LITTLE_ENDIAN);
                    byte[] q = new byte[v.length];
                    for (int r = 0; r < rows; r++) {
                        float max = 0;
                        for (int c = 0; c < cols; c++) {
                            max = Math.max(max, Math.abs(v[r * cols + c]));
                        }
                        float scale = max == 0 ? 1f : max / 127f;
                        scales.putFloat(scale);
                        for (int c = 0; c < cols; c++) {
                            q[r * cols + c] = (byte) Math.round(v[r * cols + c] / scale);
                        }
                    }
                    d.write(scales.array());
                    d.write(q);
                }
            }
        }
        d.flush();
    }

    /** Values per tensor at most: far above any tensor of a model this library can run. */
    private static final int MAX_VALUES = 1 << 28;

    /**
     * Reads every tensor of a weight file as float32.
     *
     * @throws IOException naming the tensor, if the file is not a weight file, has another
     *     version, is cut short or holds an impossible storage code or shape
     */
    public static Map<String, Tensor> read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        try {
            if (d.readInt() != MAGIC) {
                throw new IOException("not a stance4j weight file (bad magic)");
            }
            int version = d.readInt();
            if (version != VERSION) {
                throw new IOException("weight file version " + version + ", this library reads version " + VERSION);
            }
            int count = d.readInt();
            if (count < 0) {
                throw new IOException("negative tensor count " + count);
            }
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = d.readUTF();
                int code = d.readByte();
                if (code < 0 || code >= Storage.values().length) {
                    throw new IOException("tensor " + name + " has unknown storage code " + code);
                }
                Storage s = Storage.values()[code];
                int rank = d.readByte();
                if (rank < 0 || rank > 8) {
                    throw new IOException("tensor " + name + " has rank " + rank);
                }
                int[] shape = new int[rank];
                long n = 1;
                for (int k = 0; k < shape.length; k++) {
                    shape[k] = d.readInt();
                    n *= Math.max(shape[k], 0);
                    if (shape[k] <= 0 || n > MAX_VALUES) {
                        throw new IOException("tensor " + name + " has an impossible shape " + java.util.Arrays.toString(shape));
                    }
                }
                out.put(name, new Tensor(name, shape, values(d, s, shape, (int) n, name)));
            }
            return out;
        } catch (java.io.EOFException e) {
            throw new IOException("the file is cut short (truncated)", e);
        }
    }

    private static float[] values(DataInputStream d, Storage s, int[] shape, int n, String name) throws IOException {
        float[] v = new float[n];
        switch (s) {
            case FP32 -> ByteBuffer.wrap(bytes(d, n * 4L, name)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            case FP16 -> {
                ByteBuffer b = ByteBuffer.wrap(bytes(d, n * 2L, name)).order(ByteOrder.LITTLE_ENDIAN);
                for (int k = 0; k < n; k++) {
                    v[k] = fromHalf(b.getShort());
                }
            }
            case INT8_ROWS -> {
                int cols = shape.length == 0 ? 1 : shape[shape.length - 1];
                int rows = n / cols;
                ByteBuffer scales = ByteBuffer.wrap(bytes(d, rows * 4L, name)).order(ByteOrder.LITTLE_ENDIAN);
                byte[] q = bytes(d, n, name);
                for (int r = 0; r < rows; r++) {
                    float scale = scales.getFloat();
                    for (int c = 0; c < cols; c++) {
                        v[r * cols + c] = q[r * cols + c] * scale;
                    }
                }
            }
        }
        return v;
    }

    private static byte[] bytes(DataInputStream d, long count, String name) throws IOException {
        byte[] b = d.readNBytes((int) count);
        if (b.length != count) {
            throw new IOException("the file is cut short (truncated) in tensor " + name);
        }
        return b;
    }

    /** IEEE 754 binary16 from float, round to nearest even. */
    static short toHalf(float f) {
        int bits = Float.floatToIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = ((bits >>> 23) & 0xff) - 127 + 15;
        int mant = bits & 0x7fffff;
        if (((bits >>> 23) & 0xff) == 0xff) {
            return (short) (sign | 0x7c00 | (mant != 0 ? 0x200 : 0));
        }
        if (exp >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (exp <= 0) {
            if (exp < -10) {
                return (short) sign;
            }
            mant |= 0x800000;
            int shift = 14 - exp;
            int half = mant >> shift;
            int rem = mant & ((1 << shift) - 1);
            int mid = 1 << (shift - 1);
            if (rem > mid || (rem == mid && (half & 1) == 1)) {
                half++;
            }
            return (short) (sign | half);
        }
        int half = sign | (exp << 10) | (mant >> 13);
        int rem = mant & 0x1fff;
        if (rem > 0x1000 || (rem == 0x1000 && (half & 1) == 1)) {
            half++;
        }
        return (short) half;
    }

    /** float from IEEE 754 binary16. */
    static float fromHalf(short h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0) {
            float f = mant * 0x1p-24f;
            return sign == 0 ? f : -f;
        }
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}
