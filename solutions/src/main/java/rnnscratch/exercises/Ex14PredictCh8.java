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
 * <p>Write the prefix's characters {@code u_1 … u_m} and {@code step(u, s)} for one time step of the model on one
 * character and a state (it returns the output scores and the new state):
 * <pre>
 *   s_0 = 0                                        (the model's zero state for a batch of one sequence)
 *   (·, s_i) = step(u_i, s_{i−1})                  for i = 1 … m−1: warm-up, the outputs are ignored
 *   (o_k, s_k) = step(u_k, s_{k−1}),  u_{k+1} = argmax o_k     for k = m … m + numPreds − 1: prediction
 * </pre>
 * During the warm-up the next input is the true next character of the prefix, since it is known. The last prefix
 * character {@code u_m} is not fed during the warm-up: it is the first input of the prediction phase. So every
 * character is fed exactly once, and the predicted ones are appended to the prefix.
 *
 * <p>Characters are Unicode code points, not Java {@code char}s: a character outside the Basic Multilingual Plane
 * (🙂, 𝄞) is one character, fed once. A character not in the vocabulary is fed as {@code <unk>} (index 0) but kept
 * in the result as given.
 *
 * <p>Shapes: one step is {@code net.forward} on {@code int[1][1]} (one sequence, one time step) and a state; it
 * gives outputs {@code double[1][V]} and the state {@code double[1][H]}.
 *
 * <p>Docs: docs/training.md#exercises
 */
public final class Ex14PredictCh8 {
    private Ex14PredictCh8() {}

    /** The prefix (at least one character) followed by {@code numPreds} predicted characters. */
    public static String predictCh8(String prefix, int numPreds, RNNModelScratch net, Vocab vocab) {
        // BEGIN SOLUTION
        List<String> chars = prefix.codePoints().mapToObj(Character::toString).toList();
        var out = new StringBuilder(prefix);
        RnnState state = net.beginState(1);
        int last = vocab.indexOf(chars.get(0));
        for (String c : chars.subList(1, chars.size())) {
            state = net.forward(new int[][] {{last}}, state).state();
            last = vocab.indexOf(c);
        }
        for (int i = 0; i < numPreds; i++) {
            Rnn.Output o = net.forward(new int[][] {{last}}, state);
            state = o.state();
            last = Mat.argmaxRows(o.outputs().value())[0];
            out.append(vocab.tokenAt(last));
        }
        return out.toString();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 14 (predictCh8): write predictCh8, a warm-up on the prefix and then greedy prediction — read docs/training.md#exercises");
    }
}
