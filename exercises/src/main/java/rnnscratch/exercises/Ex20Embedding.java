package rnnscratch.exercises;

/**
 * Exercise 20 — learned embeddings instead of one-hot vectors (嵌入表示), d2l 8.5's exercises 1 and 2: "Show that
 * one-hot encoding is equivalent to picking a different embedding for each object" and "Replace one-hot encoding
 * with learnable embeddings".
 *
 * <p>An embedding is a matrix {@code E} with one row of {@code d} learnt numbers per token. The lookup gives, for each
 * token id of a time step, its row:
 * <pre>
 *   X[b] = E[ids[b]]                          double[batch][d]
 * </pre>
 * Its backward pass receives {@code X̄ = ∂ℓ/∂X} and returns {@code Ē = ∂ℓ/∂E}: row {@code b} of {@code X̄} is added
 * into the row of {@code E} it was read from; a token read twice gets both rows, a token not read gets zeros:
 * <pre>
 *   Ē[v] = Σ over the b with ids[b] = v of X̄[b]   double[V][d]
 * </pre>
 * Neither needs a one-hot matrix or a product: the lookup copies rows, its backward pass adds rows.
 *
 * <p>Docs: docs/bptt.md#exercises
 */
public final class Ex20Embedding {
    private Ex20Embedding() {}

    /** The embedding lookup {@code E[ids]}: a new {@code double[ids.length][d]}, row {@code b} a copy of row ids[b]. */
    public static double[][] lookup(double[][] E, int[] ids) {
        throw new UnsupportedOperationException("Exercise 20 (learned embeddings): write lookup, the rows of the embedding matrix for a step's token ids — read docs/bptt.md#exercises");
    }

    /** {@code ∂ℓ/∂E} from {@code dX = ∂ℓ/∂X} for {@code X = E[ids]}: {@code double[vocabSize][d]}. */
    public static double[][] lookupBackward(double[][] dX, int[] ids, int vocabSize) {
        throw new UnsupportedOperationException("Exercise 20 (learned embeddings): write lookupBackward, the gradient of the embedding matrix from the gradient of the looked-up rows — read docs/bptt.md#exercises");
    }
}
