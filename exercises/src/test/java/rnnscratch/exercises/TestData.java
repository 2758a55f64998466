package rnnscratch.exercises;

import java.util.Random;
import java.util.function.Supplier;
import rnnscratch.exercises.progress.Failure;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnParams;
import rnnscratch.testing.Matrices;

/**
 * Random inputs and models shared by the exercise tests. A property draws small integers (sizes, a seed) and builds
 * its data here, so a shrunk counterexample reads as sizes and a seed that replay it.
 */
final class TestData {
    private TestData() {}

    /**
     * The value of {@code call}; when the student's code throws, the test fails with the worked example's explanation
     * and where the code threw, not with the exception alone. An untouched stub's exception goes through as it is, so
     * the exercise still counts as not started.
     */
    static <T> T explained(String explanation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (e instanceof UnsupportedOperationException && Failure.isStubMessage(e.getMessage())) {
                throw e;
            }
            throw new AssertionError("[" + explanation + "] \n" + Failure.thrown(e), e);
        }
    }

    /** A {@code rows × cols} matrix of token ids uniform in {@code [low, high)}. */
    static int[][] tokens(int rows, int cols, int low, int high, Random rng) {
        var x = new int[rows][cols];
        for (int[] row : x) {
            for (int t = 0; t < cols; t++) {
                row[t] = low + rng.nextInt(high - low);
            }
        }
        return x;
    }

    /** {@link #tokens} in {@code [0, vocab)} from a seed. */
    static int[][] tokens(int rows, int cols, int vocab, long seed) {
        return tokens(rows, cols, 0, vocab, new Random(seed));
    }

    /** RNN parameters with weights uniform in {@code [-scale, scale)} and biases in {@code [-1, 1)}. */
    static RnnParams randomParams(int vocab, int hidden, double scale, long seed) {
        var rng = new Random(seed);
        return RnnParams.of(Matrices.uniform(vocab, hidden, scale, rng.nextLong()),
                Matrices.uniform(hidden, hidden, scale, rng.nextLong()), Matrices.uniform(1, hidden, 1, rng.nextLong()),
                Matrices.uniform(hidden, vocab, scale, rng.nextLong()), Matrices.uniform(1, vocab, 1, rng.nextLong()));
    }

    /** A model with large random weights (scale 2), so that its greedy predictions vary from token to token. */
    static RNNModelScratch randomModel(int vocab, int hidden, long seed) {
        return new RNNModelScratch(randomParams(vocab, hidden, 2.0, seed));
    }

    /**
     * A handmade model that answers with the token it read one step before, and with {@code fallback} while it has
     * read only one token. Its state has two halves of {@code vocab} units: the first holds the token just read, the
     * second the one before it (copied from the first half of the previous state); the output reads the second half.
     */
    static RNNModelScratch delayModel(int vocab, int fallback) {
        int h = 2 * vocab;
        var wXh = new double[vocab][h];
        var wHh = new double[h][h];
        var wHq = new double[h][vocab];
        var bQ = new double[1][vocab];
        for (int v = 0; v < vocab; v++) {
            wXh[v][v] = 5.0;
            wHh[v][vocab + v] = 5.0;
            wHq[vocab + v][v] = 1.0;
        }
        bQ[0][fallback] = 0.5;
        return new RNNModelScratch(RnnParams.of(wXh, wHh, new double[1][h], wHq, bQ));
    }
}
