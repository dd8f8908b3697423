package io.github.stance4j.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Measures one encoder-sized matrix product ([1024 x 384] x [384 x 1536], the FFN of a batch of
 * 32 sentences of 32 tokens) in one data type on DJL's PyTorch engine, against float32 in the
 * same process. Run it in its own process per type: {@code java -cp target/benchmarks.jar
 * io.github.stance4j.bench.PrecisionProbe bfloat16}; on DJL 0.36 creating a bfloat16 array was
 * seen to abort the JVM, which is why it is not a JMH benchmark.
 */
public final class PrecisionProbe {
    private PrecisionProbe() {}

    /** Prints float32 and the given type's GFLOPS, or dies trying. */
    public static void main(String[] args) {
        Bench.configure();
        DataType type = DataType.valueOf(args.length > 0 ? args[0].toUpperCase() : "BFLOAT16");
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray a = m.randomUniform(-1, 1, new Shape(1024, 384));
            NDArray b = m.randomUniform(-1, 1, new Shape(384, 1536));
            double fp32 = gflops(a, b);
            System.out.printf("float32: %.1f GFLOPS%n", fp32);
            System.out.println("converting to " + type + " ...");
            System.out.flush();
            NDArray a2 = a.toType(type, false);
            NDArray b2 = b.toType(type, false);
            double other = gflops(a2, b2);
            float err = a.matMul(b).sub(a2.matMul(b2).toType(DataType.FLOAT32, false)).abs().max().getFloat();
            System.out.printf("%s: %.1f GFLOPS (%.2fx float32), max abs difference %.4f%n", type, other, other / fp32, err);
        }
    }

    private static double gflops(NDArray a, NDArray b) {
        for (int i = 0; i < 5; i++) {
            a.matMul(b).close();
        }
        int n = 50;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            a.matMul(b).close();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return 2.0 * a.getShape().get(0) * a.getShape().get(1) * b.getShape().get(1) * n / s / 1e9;
    }
}
