package rnnscratch.exercises;

import java.util.List;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.Rnn;
import rnnscratch.rnn.RnnState;
import rnnscratch.tensor.Mat;
import rnnscratch.text.Vocab;

/**
 * Exercise 14 — greedy {@code predictCh8} (预测): continue a prefix one most-likely character at a time.
 *
 * <ol>
 *   <li>Start from a zero state for a batch of one ({@code net.beginState(1)}).</li>
 *   <li>Warm-up: feed the prefix character by character ({@code net.forward(new int[][] {{id}}, state)}), keeping
 *       the state; the outputs are ignored, since the true next character is known.</li>
 *   <li>Predict: {@code numPreds} times, feed the last character and append the most likely next one — the
 *       {@code argmax} of the output row ({@code Mat.argmaxRows}) — which is then fed in turn.</li>
 * </ol>
 * Characters are Unicode code points; a character not in the vocabulary is fed as {@code <unk>} (index 0) but
 * returned as given.
 *
 * <p>Shapes: each forward takes {@code int[1][1]} and gives outputs {@code double[1][V]}, state {@code double[1][H]}.
 *
 * <p>Docs: docs/training.md#exercises
 */
public final class Ex14PredictCh8 {
    private Ex14PredictCh8() {}

    /** The prefix (at least one character) followed by {@code numPreds} predicted characters. */
    public static String predictCh8(String prefix, int numPreds, RNNModelScratch net, Vocab vocab) {
        throw new UnsupportedOperationException("Exercise 14 (predictCh8): read docs/training.md#exercises — start from RnnState state = net.beginState(1) and feed the prefix one id at a time with net.forward(new int[][] {{id}}, state)");
    }
}
