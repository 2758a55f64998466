package rnnscratch.exercises;

import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.Rnn;
import rnnscratch.rnn.RnnState;
import rnnscratch.tensor.Mat;

/**
 * Exercise 15 — one-to-many: generation from one input (一对多), the notes' "由一个输入生成多个输出（文本生成）".
 *
 * <p>One token goes in; a whole sequence comes out. Start from a zero state for one sequence, feed the start token,
 * take the most likely output ({@code argmax}) as the first generated token, feed that back in as the next input,
 * and so on, carrying the hidden state from step to step:
 * <pre>
 *   H_1 = f(start, H_0),      y_1 = argmax(H_1·W_hq + b_q)
 *   H_t = f(y_{t−1}, H_{t−1}), y_t = argmax(H_t·W_hq + b_q)
 * </pre>
 *
 * <p>Shapes: each step is one {@code net.forward} on {@code int[1][1]}, giving outputs {@code double[1][V]}; the
 * result is {@code int[numSteps]} token ids (the start token not included).
 *
 * <p>Docs: docs/applications.md#exercises
 */
public final class Ex15OneToMany {
    private Ex15OneToMany() {}

    /** The {@code numSteps} tokens generated greedily after {@code start}. */
    public static int[] generate(RNNModelScratch net, int start, int numSteps) {
        throw new UnsupportedOperationException("Exercise 15 (one-to-many): write generate, greedy generation from one start token — read docs/applications.md#exercises");
    }
}
