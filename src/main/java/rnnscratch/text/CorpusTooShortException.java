package rnnscratch.text;

import rnnscratch.UserException;

/**
 * A corpus too short for one minibatch: both iterators need {@code len ≥ batchSize · numSteps + offset + 1} tokens.
 *
 * <p>Docs: docs/data-processing.md
 */
public final class CorpusTooShortException extends UserException {
    private static final long serialVersionUID = 1L;
    private final int tokens;
    private final int batchSize;
    private final int numSteps;
    private final long needed;

    /**
     * @param tokens    the corpus' length
     * @param batchSize sequences per minibatch
     * @param numSteps  time steps per sequence
     * @param needed    the fewest tokens that give one minibatch
     */
    public CorpusTooShortException(int tokens, int batchSize, int numSteps, long needed) {
        super(problem(tokens, batchSize, numSteps, needed) + ": use a longer text, or a smaller batch size or number "
                + "of steps");
        this.tokens = tokens;
        this.batchSize = batchSize;
        this.numSteps = numSteps;
        this.needed = needed;
    }

    private static String problem(int tokens, int batchSize, int numSteps, long needed) {
        return "corpus of " + tokens + (tokens == 1 ? " token" : " tokens") + " is too short for one minibatch of "
                + "batch size " + batchSize + " x " + numSteps + " steps (it needs at least " + needed + " tokens)";
    }

    /** The problem with its quantities, without what to do about it. */
    public String problem() {
        return problem(tokens, batchSize, numSteps, needed);
    }

    /** The corpus' length in tokens. */
    public int tokens() {
        return tokens;
    }

    /** The fewest tokens that give one minibatch. */
    public long needed() {
        return needed;
    }
}
