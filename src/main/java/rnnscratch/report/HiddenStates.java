package rnnscratch.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import rnnscratch.rnn.Predict;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnState;
import rnnscratch.text.TokenKind;
import rnnscratch.text.Vocab;

/**
 * The hidden state of a model while it reads a text: {@code H_t: double[H]} after each token, as in the warm-up of
 * {@code predict_ch8} (a batch of one, starting from zeros). The text is a prefix followed by the model's own greedy
 * continuation, so the same picture shows the state while reading and while generating.
 *
 * <p>Docs: docs/training.md
 *
 * @param tokens       the tokens fed, one per time step
 * @param prefixLength how many of them are the prefix (the rest the model predicted)
 * @param values       {@code double[T][H]}: row t is the state after reading token t
 */
public record HiddenStates(List<String> tokens, int prefixLength, double[][] values) {
    public HiddenStates {
        tokens = List.copyOf(tokens);
        if (values.length != tokens.size()) {
            throw new IllegalArgumentException("HiddenStates: " + tokens.size() + " tokens but " + values.length
                    + " states");
        }
        values = Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
    }

    /** The states, a copy. */
    @Override
    public double[][] values() {
        return Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
    }

    /**
     * Feeds {@code prefix} and then {@code numPreds} greedily predicted tokens ({@link Predict#predictIds}) to
     * {@code net} one at a time, keeping the state after each.
     *
     * @param token how {@code prefix} splits into tokens: characters, or words at white space
     */
    public static HiddenStates read(RNNModelScratch net, Vocab vocab, TokenKind token, String prefix, int numPreds) {
        List<String> prefixTokens = switch (token) {
            case CHAR -> prefix.codePoints().mapToObj(Character::toString).toList();
            case WORD -> List.of(prefix.trim().split("\\s+"));
        };
        int[] ids = Predict.predictIds(vocab.indices(prefixTokens), numPreds, net);
        var tokens = new ArrayList<>(prefixTokens);
        for (int i = prefixTokens.size(); i < ids.length; i++) {
            tokens.add(vocab.tokenAt(ids[i]));
        }
        var values = new double[ids.length][];
        RnnState state = net.beginState(1);
        for (int t = 0; t < ids.length; t++) {
            state = net.forward(new int[][] {{ids[t]}}, state).state();
            values[t] = state.H().value()[0].clone();
        }
        return new HiddenStates(tokens, prefixTokens.size(), values);
    }

    /** Hidden units H. */
    public int numHiddens() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /**
     * The {@code k} units (or all, if fewer) whose values vary most over the text — the ones worth looking at — in
     * increasing order of unit. Units with a non-finite value come last in the choice.
     */
    public int[] readableUnits(int k) {
        int h = numHiddens();
        double[] spread = new double[h];
        for (int j = 0; j < h; j++) {
            double mean = 0;
            for (double[] row : values) {
                mean += row[j] / values.length;
            }
            double var = 0;
            for (double[] row : values) {
                var += (row[j] - mean) * (row[j] - mean);
            }
            spread[j] = Double.isFinite(var) ? var : -1;
        }
        return IntStream.range(0, h).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> -spread[j]).thenComparingInt(j -> j))
                .limit(Math.min(k, h)).mapToInt(Integer::intValue).sorted().toArray();
    }
}
