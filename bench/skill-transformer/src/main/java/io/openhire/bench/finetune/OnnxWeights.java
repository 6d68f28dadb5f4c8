package io.openhire.bench.finetune;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The float initializers and the nodes of an ONNX model, read with a minimal protobuf wire-format
 * reader (no protobuf library): ModelProto.graph = 7; GraphProto.node = 1, initializer = 5;
 * NodeProto.input = 1, output = 2, name = 3, op_type = 4; TensorProto.dims = 1, data_type = 2,
 * float_data = 4, name = 8, raw_data = 9.
 */
public final class OnnxWeights {

    /** A float tensor (row-major, little-endian in the file). */
    public record Tensor(String name, long[] shape, float[] data) {
        public String shapeString() {
            return java.util.Arrays.toString(shape);
        }
    }

    public record Node(String name, String opType, List<String> inputs, List<String> outputs) {}

    public final Map<String, Tensor> initializers = new LinkedHashMap<>();
    public final List<Node> nodes = new ArrayList<>();

    public static OnnxWeights read(InputStream in) throws IOException {
        return read(in.readAllBytes());
    }

    public static OnnxWeights read(byte[] model) {
        OnnxWeights w = new OnnxWeights();
        Reader r = new Reader(model, 0, model.length);
        while (r.more()) {
            int key = (int) r.varint();
            if (key >>> 3 == 7 && (key & 7) == 2) {
                w.readGraph(r.sub());
            } else {
                r.skip(key & 7);
            }
        }
        return w;
    }

    private void readGraph(Reader r) {
        while (r.more()) {
            int key = (int) r.varint();
            int field = key >>> 3;
            if (field == 1 && (key & 7) == 2) {
                nodes.add(readNode(r.sub()));
            } else if (field == 5 && (key & 7) == 2) {
                Tensor t = readTensor(r.sub());
                if (t != null) {
                    initializers.put(t.name(), t);
                }
            } else {
                r.skip(key & 7);
            }
        }
    }

    private static Node readNode(Reader r) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        String name = "";
        String op = "";
        while (r.more()) {
            int key = (int) r.varint();
            switch (key >>> 3) {
                case 1 -> in.add(r.string());
                case 2 -> out.add(r.string());
                case 3 -> name = r.string();
                case 4 -> op = r.string();
                default -> r.skip(key & 7);
            }
        }
        return new Node(name, op, in, out);
    }

    /** Only FLOAT (data_type 1) tensors are kept; others (int64 shape constants) are returned as null. */
    private static Tensor readTensor(Reader r) {
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = "";
        byte[] raw = null;
        List<Float> floats = new ArrayList<>();
        while (r.more()) {
            int key = (int) r.varint();
            int field = key >>> 3;
            int wire = key & 7;
            if (field == 1 && wire == 0) {
                dims.add(r.varint());
            } else if (field == 1 && wire == 2) {
                Reader p = r.sub();
                while (p.more()) {
                    dims.add(p.varint());
                }
            } else if (field == 2 && wire == 0) {
                type = (int) r.varint();
            } else if (field == 4 && wire == 2) {
                Reader p = r.sub();
                while (p.more()) {
                    floats.add(Float.intBitsToFloat(p.fixed32()));
                }
            } else if (field == 4 && wire == 5) {
                floats.add(Float.intBitsToFloat(r.fixed32()));
            } else if (field == 8 && wire == 2) {
                name = r.string();
            } else if (field == 9 && wire == 2) {
                raw = r.bytes();
            } else {
                r.skip(wire);
            }
        }
        if (type != 1) {
            return null;
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
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

    /** The protobuf wire format over a slice of a byte array. */
    private static final class Reader {
        private final byte[] b;
        private int pos;
        private final int end;

        Reader(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        boolean more() {
            return pos < end;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                byte x = b[pos++];
                v |= (long) (x & 0x7f) << shift;
                if (x >= 0) {
                    return v;
                }
            }
        }

        int fixed32() {
            int v = (b[pos] & 0xff) | (b[pos + 1] & 0xff) << 8 | (b[pos + 2] & 0xff) << 16 | (b[pos + 3] & 0xff) << 24;
            pos += 4;
            return v;
        }

        Reader sub() {
            int len = (int) varint();
            Reader r = new Reader(b, pos, pos + len);
            pos += len;
            return r;
        }

        byte[] bytes() {
            int len = (int) varint();
            byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + len);
            pos += len;
            return out;
        }

        String string() {
            int len = (int) varint();
            String s = new String(b, pos, len, StandardCharsets.UTF_8);
            pos += len;
            return s;
        }

        void skip(int wire) {
            switch (wire) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> {
                    int len = (int) varint(); // not "pos += varint()": that adds to the old pos
                    pos += len;
                }
                case 5 -> pos += 4;
                default -> throw new IllegalStateException("wire type " + wire);
            }
        }
    }

    /** Prints the initializers and the nodes that consume them. */
    public static void main(String[] args) throws IOException {
        OnnxWeights w;
        try (InputStream in = OnnxWeights.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2.onnx")) {
            w = read(in);
        }
        Map<String, String> consumer = new LinkedHashMap<>();
        for (Node n : w.nodes) {
            for (String i : n.inputs()) {
                if (w.initializers.containsKey(i)) {
                    consumer.merge(i, n.opType() + " " + n.name() + " -> " + n.outputs(), (a, c) -> a + " | " + c);
                }
            }
        }
        for (Tensor t : w.initializers.values()) {
            System.out.printf("%-60s %-14s %s%n", t.name(), t.shapeString(), consumer.get(t.name()));
        }
        System.out.println(w.nodes.size() + " nodes");
        if (args.length > 0) {
            for (Node n : w.nodes) {
                System.out.println(n.opType() + " " + n.name() + " " + n.inputs() + " -> " + n.outputs());
            }
        }
    }
}
