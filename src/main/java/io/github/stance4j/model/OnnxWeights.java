package io.github.stance4j.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the float initializers of a BERT ONNX graph (such as all-MiniLM-L6-v2) and names them
 * with BERT parameter names. Internal: used to import base weights for training.
 *
 * <p>Biases and LayerNorm tensors already carry BERT names. The MatMul weights of an exported
 * graph are anonymous ({@code onnx::MatMul_787}); each is named after the bias of the Add node
 * that consumes the MatMul's output ({@code ...query.bias} gives {@code ...query.weight}). Matrices
 * stay in ONNX's {@code [in, out]} layout, which is what {@link StanceNet} multiplies by.
 *
 * <p>In a dynamically quantized graph (such as e5-small-v2-q) a weight {@code W} is stored as
 * {@code W_quantized} (int8 or uint8) with {@code W_scale} and {@code W_zero_point} (one per
 * output column, or one for the tensor); it is dequantized to float32 as
 * {@code (q - zero_point) * scale}. Its MatMulInteger node's output is named after the module
 * ({@code /encoder/layer.0/attention/self/query/MatMul_output_0_output_quantized}), which names the
 * weight.
 *
 * <p>The reader is a minimal protocol-buffers decoder for the few ONNX fields it needs.
 */
public final class OnnxWeights {
    private OnnxWeights() {}

    /**
     * Loads and names the weights of the ONNX file.
     *
     * @throws IOException if the file cannot be read or is not a BERT graph this reader understands
     */
    public static Map<String, Tensor> load(Path onnx) throws IOException {
        return load(Files.readAllBytes(onnx));
    }

    /** Loads and names the weights of an ONNX model held in memory. */
    public static Map<String, Tensor> load(byte[] model) throws IOException {
        Proto graph = null;
        for (Proto f = new Proto(model, 0, model.length); f.next(); ) {
            if (f.field == 7) {
                graph = f.message();
            }
        }
        if (graph == null) {
            throw new IOException("not an ONNX model: no graph");
        }
        Map<String, Tensor> initializers = new HashMap<>();
        List<String[]> nodes = new ArrayList<>(); // op, in0, in1, out0
        for (Proto f = graph; f.next(); ) {
            if (f.field == 5) {
                Tensor t = readTensor(f.message());
                if (t != null) {
                    initializers.put(t.name(), t);
                }
            } else if (f.field == 1) {
                nodes.add(readNode(f.message()));
            }
        }
        dequantize(initializers);
        Map<String, Tensor> named = new LinkedHashMap<>();
        Map<String, String> producedBy = new HashMap<>(); // MatMul output -> weight initializer
        for (String[] n : nodes) {
            if (n[0].equals("MatMul") && initializers.containsKey(n[2]) && !initializers.containsKey(n[1])) {
                producedBy.put(n[3], n[2]);
            } else if (n[0].equals("MatMulInteger") && n[2].endsWith(QUANTIZED) && n[3].contains("/MatMul")) {
                String weight = n[2].substring(0, n[2].length() - QUANTIZED.length());
                String name = n[3].substring(1, n[3].indexOf("/MatMul")).replace('/', '.') + ".weight";
                named.put(name, initializers.get(weight).rename(name));
            }
        }
        for (String[] n : nodes) {
            if (!n[0].equals("Add")) {
                continue;
            }
            String weight = producedBy.containsKey(n[1]) ? producedBy.get(n[1]) : producedBy.get(n[2]);
            String bias = producedBy.containsKey(n[1]) ? n[2] : n[1];
            if (weight != null && bias != null && bias.endsWith(".bias")) {
                Tensor w = initializers.get(weight);
                named.put(bias.substring(0, bias.length() - 5) + ".weight", w.rename(bias.substring(0, bias.length() - 5) + ".weight"));
            }
        }
        for (Tensor t : initializers.values()) {
            if (!t.name().startsWith("onnx::") && t.shape().length > 0 && !isQuantizationPart(t.name())) {
                named.put(t.name(), t);
            }
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : named.entrySet()) {
            String key = e.getKey().startsWith("bert.") ? e.getKey().substring(5) : e.getKey();
            out.put(key, e.getValue().rename(key));
        }
        if (!out.containsKey("embeddings.word_embeddings.weight")) {
            throw new IOException("not a BERT graph: no embeddings.word_embeddings.weight among " + out.keySet());
        }
        return out;
    }

    private static final String QUANTIZED = "_quantized", SCALE = "_scale", ZERO_POINT = "_zero_point";

    private static boolean isQuantizationPart(String name) {
        return name.endsWith(QUANTIZED) || name.endsWith(SCALE) || name.endsWith(ZERO_POINT);
    }

    /** Adds {@code W} as float32 for every {@code W_quantized} with its scale and zero point. */
    private static void dequantize(Map<String, Tensor> initializers) throws IOException {
        for (Tensor q : List.copyOf(initializers.values())) {
            if (!q.name().endsWith(QUANTIZED)) {
                continue;
            }
            String name = q.name().substring(0, q.name().length() - QUANTIZED.length());
            Tensor scale = initializers.get(name + SCALE);
            Tensor zero = initializers.get(name + ZERO_POINT);
            if (scale == null || zero == null) {
                throw new IOException(q.name() + " has no " + name + SCALE + " or " + name + ZERO_POINT);
            }
            int columns = q.shape()[q.shape().length - 1];
            boolean perColumn = scale.data().length == columns && columns > 1;
            if (!perColumn && (scale.data().length != 1 || zero.data().length != 1) || zero.data().length != scale.data().length) {
                throw new IOException(q.name() + ": " + scale.data().length + " scales for " + columns + " columns");
            }
            float[] d = new float[q.data().length];
            for (int i = 0; i < d.length; i++) {
                int c = perColumn ? i % columns : 0;
                d[i] = (q.data()[i] - zero.data()[c]) * scale.data()[c];
            }
            initializers.put(name, new Tensor(name, q.shape(), d));
        }
    }

    private static String[] readNode(Proto p) {
        List<String> in = new ArrayList<>();
        String out = "";
        String op = "";
        while (p.next()) {
            switch (p.field) {
                case 1 -> in.add(p.string());
                case 2 -> out = out.isEmpty() ? p.string() : out;
                case 4 -> op = p.string();
                default -> { }
            }
        }
        return new String[] {op, in.size() > 0 ? in.get(0) : "", in.size() > 1 ? in.get(1) : "", out};
    }

    private static final int FLOAT = 1, UINT8 = 2, INT8 = 3; // ONNX TensorProto.DataType

    private static Tensor readTensor(Proto p) {
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = "";
        byte[] raw = null;
        List<Float> floats = new ArrayList<>();
        List<Long> ints = new ArrayList<>();
        while (p.next()) {
            switch (p.field) {
                case 1 -> {
                    if (p.wire == 2) {
                        Proto packed = p.message();
                        while (packed.pos < packed.end) {
                            dims.add(packed.varint());
                        }
                    } else {
                        dims.add(p.value);
                    }
                }
                case 2 -> type = (int) p.value;
                case 4 -> {
                    Proto packed = p.message();
                    ByteBuffer b = ByteBuffer.wrap(packed.buf, packed.pos, packed.end - packed.pos).order(ByteOrder.LITTLE_ENDIAN);
                    while (b.remaining() >= 4) {
                        floats.add(b.getFloat());
                    }
                }
                case 5 -> {
                    if (p.wire == 2) {
                        Proto packed = p.message();
                        while (packed.pos < packed.end) {
                            ints.add(packed.varint());
                        }
                    } else {
                        ints.add(p.value);
                    }
                }
                case 8 -> name = p.string();
                case 9 -> raw = p.bytes();
                default -> { }
            }
        }
        int[] shape = dims.stream().mapToInt(Long::intValue).toArray();
        if (type == UINT8 || type == INT8) { // quantized weights, scales' zero points: held as floats, exactly
            float[] data = new float[raw != null ? raw.length : ints.size()];
            for (int i = 0; i < data.length; i++) {
                int v = raw != null ? raw[i] : (int) (long) ints.get(i);
                data[i] = type == UINT8 ? v & 0xff : (byte) v;
            }
            return new Tensor(name, shape, data);
        }
        if (type != FLOAT) {
            return null; // only float tensors and quantized ones are weights
        }
        float[] data;
        if (raw != null) {
            data = new float[raw.length / 4];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
        } else {
            data = new float[floats.size()];
            for (int i = 0; i < data.length; i++) {
                data[i] = floats.get(i);
            }
        }
        return new Tensor(name, shape, data);
    }

    /** A cursor over the fields of one protobuf message. */
    private static final class Proto {
        final byte[] buf;
        int pos;
        final int end;
        int field;
        int wire;
        long value;
        int start;
        int length;

        Proto(byte[] buf, int pos, int end) {
            this.buf = buf;
            this.pos = pos;
            this.end = end;
        }

        boolean next() {
            if (pos >= end) {
                return false;
            }
            long key = varint();
            field = (int) (key >>> 3);
            wire = (int) (key & 7);
            switch (wire) {
                case 0 -> value = varint();
                case 1 -> { value = ByteBuffer.wrap(buf, pos, 8).order(ByteOrder.LITTLE_ENDIAN).getLong(); pos += 8; }
                case 2 -> { length = (int) varint(); start = pos; pos += length; }
                case 5 -> { value = ByteBuffer.wrap(buf, pos, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(); pos += 4; }
                default -> throw new IllegalStateException("unsupported protobuf wire type " + wire);
            }
            return true;
        }

        long varint() {
            long result = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = buf[pos++];
                result |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return result;
                }
            }
        }

        Proto message() {
            return new Proto(buf, start, start + length);
        }

        String string() {
            return new String(buf, start, length, StandardCharsets.UTF_8);
        }

        byte[] bytes() {
            byte[] b = new byte[length];
            System.arraycopy(buf, start, b, 0, length);
            return b;
        }
    }
}
