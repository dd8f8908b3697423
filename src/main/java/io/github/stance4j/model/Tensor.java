package io.github.stance4j.model;

import java.util.Arrays;

/**
 * A named float tensor held on the Java heap, row-major. Internal: the unit of weight import,
 * storage and loading.
 *
 * @param name parameter name, BERT style ({@code encoder.layer.0.attention.self.query.weight})
 * @param shape dimensions
 * @param data values, row-major
 */
public record Tensor(String name, int[] shape, float[] data) {
    /** Checks that the data fits the shape. */
    public Tensor {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("tensor " + name + ": shape " + Arrays.toString(shape) + " does not hold " + data.length + " values");
        }
    }

    /** The same values under another name. */
    public Tensor rename(String newName) {
        return new Tensor(newName, shape, data);
    }
}
