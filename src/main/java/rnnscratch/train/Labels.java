package rnnscratch.train;

/**
 * The labels of a minibatch in the order of the model's outputs, the book's {@code Y.T.reshape(-1)}: the outputs of
 * all time steps are stacked step by step ({@code double[T·batch][V]}), so the labels go step by step too. Its own
 * file, so that the pages explaining training can link the loop ({@link TrainCh8}) without showing exercise ex17's
 * answer.
 *
 * <p>Docs: docs/applications.md#after-ex17-passes-the-librarys-version
 */
public final class Labels {
    private Labels() {}

    /** {@code Y.T.reshape(-1)}: {@code int[batch][T]} becomes {@code int[T·batch]}, entry {@code t·batch + b}. */
    public static int[] flattenTransposed(int[][] y) {
        int batch = y.length;
        int steps = y[0].length;
        var flat = new int[steps * batch];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                flat[t * batch + b] = y[b][t];
            }
        }
        return flat;
    }
}
