package rnnscratch.exercises;

import java.util.Arrays;

/**
 * Exercise 01 — forward and backward factorisation of a sequence's probability (正向/反向序列概率).
 *
 * <p>The chain rule takes the joint probability of a sequence apart in either direction:
 * <pre>
 *   forward:  P(x_1, …, x_T) = Π_{t=1..T} P(x_t | x_1, …, x_{t−1})
 *   backward: P(x_1, …, x_T) = Π_{t=1..T} P(x_t | x_{t+1}, …, x_T)
 * </pre>
 * Each conditional is a ratio of two marginals, e.g. {@code P(x_t | x_1..x_{t−1}) = P(x_1..x_t) / P(x_1..x_{t−1})}.
 * Write both factorisations for a small model given as the table of all its joint probabilities ({@link Joint},
 * whose {@link Joint#marginal} you may use). Each method returns the T factors; their product is {@code P(x)},
 * whichever direction you took.
 *
 * <p>Shapes: a sequence is {@code int[T]} of tokens in {@code [0, V)}, 0-based: {@code x[0]} is x_1. The factors
 * are {@code double[T]}: factor {@code t} is the conditional probability of {@code x[t]}.
 *
 * <p>Docs: docs/sequence-models.md#exercises
 */
public final class Ex01SequenceProbability {
    private Ex01SequenceProbability() {}

    /**
     * A model of sequences of {@code length} tokens over {@code vocabSize} tokens: one probability per sequence, all
     * positive, summing to 1. Sequence {@code x} sits at index {@code Σ_i x[i]·V^(T−1−i)} of {@code table}.
     *
     * @param vocabSize V
     * @param length    T
     * @param table     {@code double[V^T]}
     */
    public record Joint(int vocabSize, int length, double[] table) {
        /** Checks the size of the table, that every entry is positive and that they sum to 1. */
        public Joint {
            if (vocabSize < 1 || length < 1 || table.length != (int) Math.pow(vocabSize, length)) {
                throw new IllegalArgumentException("Joint: V = " + vocabSize + ", T = " + length + " needs V^T = "
                        + (int) Math.pow(vocabSize, length) + " probabilities, got " + table.length);
            }
            double sum = 0;
            for (double p : table) {
                if (!(p > 0)) {
                    throw new IllegalArgumentException("Joint: every probability must be positive, got " + p);
                }
                sum += p;
            }
            if (Math.abs(sum - 1) > 1e-9) {
                throw new IllegalArgumentException("Joint: the probabilities sum to " + sum + ", not 1");
            }
            table = table.clone();
        }

        /** {@code P(x_1, …, x_T)}, the joint probability of a whole sequence {@code int[T]}. */
        public double probability(int[] x) {
            if (x.length != length) {
                throw new IllegalArgumentException("probability: the model's sequences have " + length
                        + " tokens, got " + x.length);
            }
            return marginal(0, x);
        }

        /**
         * The probability that the {@code values.length} positions from {@code from} on hold {@code values}, every
         * other position summed out: {@code P(x_{from+1} = values[0], …)} in the notes' 1-based names. It is 1 for
         * no values.
         */
        public double marginal(int from, int[] values) {
            if (from < 0 || from + values.length > length) {
                throw new IllegalArgumentException("marginal: positions " + from + " .. " + (from + values.length - 1)
                        + " are outside 0 .. " + (length - 1));
            }
            double sum = 0;
            for (int index = 0; index < table.length; index++) {
                if (matches(index, from, values)) {
                    sum += table[index];
                }
            }
            return sum;
        }

        private boolean matches(int index, int from, int[] values) {
            for (int pos = length - 1, rest = index; pos >= 0; pos--, rest /= vocabSize) {
                int token = rest % vocabSize;
                if (pos >= from && pos < from + values.length && values[pos - from] != token) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The forward factors {@code P(x_t | x_1, …, x_{t−1})}, {@code double[T]}; factor 0 is just {@code P(x_1)}. */
    public static double[] forwardFactors(Joint p, int[] x) {
        // BEGIN SOLUTION
        var factors = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            factors[t] = p.marginal(0, Arrays.copyOfRange(x, 0, t + 1)) / p.marginal(0, Arrays.copyOfRange(x, 0, t));
        }
        return factors;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 01 (forward/backward factorisation): write forwardFactors, the T factors P(x_t | x_1 … x_{t−1}) of the chain rule read forwards — read docs/sequence-models.md#exercises");
    }

    /** The backward factors {@code P(x_t | x_{t+1}, …, x_T)}, {@code double[T]}; the last is just {@code P(x_T)}. */
    public static double[] backwardFactors(Joint p, int[] x) {
        // BEGIN SOLUTION
        var factors = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            double withXt = p.marginal(t, Arrays.copyOfRange(x, t, x.length));
            double after = p.marginal(t + 1, Arrays.copyOfRange(x, t + 1, x.length));
            factors[t] = withXt / after;
        }
        return factors;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 01 (forward/backward factorisation): write backwardFactors, the T factors P(x_t | x_{t+1} … x_T) of the chain rule read backwards — read docs/sequence-models.md#exercises");
    }
}
