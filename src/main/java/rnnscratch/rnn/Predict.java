package rnnscratch.rnn;

import rnnscratch.tensor.Mat;

/**
 * The loop of the book's {@code predict_ch8}, on token ids: continue a prefix one token at a time.
 *
 * <ol>
 *   <li>Start from a zero state for a batch of one ({@code net.beginState(1)}).</li>
 *   <li>Warm-up: feed the prefix token by token except the last, keeping the state (the outputs are ignored: the
 *       true next token is known), so the state summarises the prefix.</li>
 *   <li>Predict: {@code numPreds} times, feed the last token, choose the next one from the output row (greedy: its
 *       {@code argmax}) and append it; it is the token fed next.</li>
 * </ol>
 * Each forward takes {@code int[1][1]} and gives outputs {@code double[1][V]} and a state {@code double[1][H]}.
 * Turning text into ids and back is the vocabulary's business: {@code rnnscratch.train.PredictCh8} does it.
 *
 * <p>Docs: docs/training.md#predicting
 */
public final class Predict {
    private Predict() {}

    /** How the next token is chosen from the output row {@code double[V]} of the last step. */
    @FunctionalInterface
    public interface NextToken {
        /** @return the id of the next token, in {@code [0, V)} */
        int choose(double[] logits);
    }

    /** The book's choice: the most likely token, {@code argmax} of the row (the first one on ties). */
    public static final NextToken GREEDY = logits -> Mat.argmaxRows(new double[][] {logits})[0];

    /** Greedy generation, as the book's {@code predict_ch8}. */
    public static int[] predictIds(int[] prefix, int numPreds, RNNModelScratch net) {
        return predictIds(prefix, numPreds, net, GREEDY);
    }

    /**
     * @param prefix   the ids of the prefix, at least one
     * @param numPreds how many tokens to predict, {@code >= 0}
     * @return the prefix's ids followed by {@code numPreds} predicted ids
     */
    public static int[] predictIds(int[] prefix, int numPreds, RNNModelScratch net, NextToken next) {
        if (prefix.length == 0) {
            throw new IllegalArgumentException("predictCh8: the prefix must hold at least one token");
        }
        if (numPreds < 0) {
            throw new IllegalArgumentException("predictCh8: numPreds must be >= 0, got " + numPreds);
        }
        var outputs = new int[prefix.length + numPreds];
        System.arraycopy(prefix, 0, outputs, 0, prefix.length);
        RnnState state = net.beginState(1);
        for (int i = 0; i < prefix.length - 1; i++) {
            state = net.forward(new int[][] {{prefix[i]}}, state).state();
        }
        int last = prefix[prefix.length - 1];
        for (int i = 0; i < numPreds; i++) {
            Rnn.Output out = net.forward(new int[][] {{last}}, state);
            state = out.state();
            last = next.choose(out.outputs().value()[0]);
            outputs[prefix.length + i] = last;
        }
        return outputs;
    }
}
