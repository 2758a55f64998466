package rnnscratch.text;

import java.util.Arrays;

/**
 * One minibatch of a language model: inputs {@code x} and targets {@code y}, where {@code y[i][t]} is the token
 * that follows {@code x[i][t]} in the corpus.
 *
 * <p>The arrays are made fresh for this minibatch by the iterator and shared with nobody else; treat them as
 * read-only.
 *
 * <p>Docs: docs/text-pipeline.md
 *
 * @param x token indices, {@code int[batchSize][numSteps]}
 * @param y the next token of each, {@code int[batchSize][numSteps]}
 */
public record Minibatch(int[][] x, int[][] y) {
    /** Checks that {@code x} and {@code y} are rectangular, non-empty and of the same shape. */
    public Minibatch {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("Minibatch: x has " + x.length + " rows and y has " + y.length
                    + "; both need the same number, at least 1");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != x[0].length || y[i].length != x[0].length || x[0].length == 0) {
                throw new IllegalArgumentException("Minibatch: row " + i + " has " + x[i].length + " inputs and "
                        + y[i].length + " targets; every row needs " + x[0].length + " of each, at least 1");
            }
        }
    }

    /** The number of rows (sequences). */
    public int batchSize() {
        return x.length;
    }

    /** The number of time steps per row. */
    public int numSteps() {
        return x[0].length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Minibatch m && Arrays.deepEquals(x, m.x) && Arrays.deepEquals(y, m.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(x) + Arrays.deepHashCode(y);
    }

    @Override
    public String toString() {
        return "Minibatch[x=" + Arrays.deepToString(x) + ", y=" + Arrays.deepToString(y) + "]";
    }
}
