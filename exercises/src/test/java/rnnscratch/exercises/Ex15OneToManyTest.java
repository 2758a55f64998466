package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnParams;
import rnnscratch.testing.Props;
import rnnscratch.text.Vocab;
import rnnscratch.train.PredictCh8;

/** Exercise 15: one-to-many, generation from one input. Docs: docs/applications.md */
@Tag("exercise")
@Tag("ex15")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex15OneToManyTest {
    /** A handmade model that counts: from token s it predicts s + 1 (mod V). */
    static RNNModelScratch countingModel(int v) {
        var wXh = new double[v][v];
        var wHq = new double[v][v];
        for (int i = 0; i < v; i++) {
            wXh[i][i] = 3.0;
            wHq[i][(i + 1) % v] = 3.0;
        }
        return new RNNModelScratch(RnnParams.of(wXh, new double[v][v], new double[1][v], wHq, new double[1][v]));
    }

    /** A vocabulary whose token at index i is "t<i>" (index 0 is {@code <unk>}). */
    static Vocab numberedVocab(int v) {
        var tokens = new ArrayList<String>();
        for (int i = 1; i < v; i++) {
            for (int k = 0; k < v - i; k++) {
                tokens.add("t" + i);
            }
        }
        return Vocab.of(List.of(tokens));
    }

    @Test
    @Order(1)
    @DisplayName("Worked example: the counting model from token 3 of 5 generates 4, 0, 1, 2, 3, 4")
    void workedExample() {
        assertThat(TestData.explained("Exercise 15: generate(net, 3, 6) on a model of V = 5 tokens and H = 5 hidden "
                + "units: one sequence, so the state is net.beginState(1), H double[1][H], and each step feeds int[1][1], "
                + "giving outputs double[1][V]", () -> Ex15OneToMany.generate(countingModel(5), 3, 6)))
                .as("Exercise 15: numSteps = 6 generated tokens, the start token 3 not among them; each "
                        + "is the argmax of the output scores H_t·W_hq + b_q (not of the hidden state), fed back in as "
                        + "the next input")
                .containsExactly(4, 0, 1, 2, 3, 4);
    }

    @Test
    @Order(2)
    @DisplayName("Worked example: a model that echoes the token read one step before (4 at first) generates 4, 1, 4, "
            + "1 from token 1")
    void workedExampleCarriesTheState() {
        assertThat(Ex15OneToMany.generate(TestData.delayModel(5, 4), 1, 4))
                .as("Exercise 15: feed 1 once, into the zero state (nothing read before it: 4), feed 4 (read before it: 1), feed 1 (4), feed 4 "
                        + "(1): carry the hidden state from each step to the next, or the model forgets what it read")
                .containsExactly(4, 1, 4, 1);
    }

    @Test
    @Order(3)
    @DisplayName("The generated tokens are what the library's predictCh8 continues a one-token prefix with")
    void matchesTheLibrary() {
        Props.qt().forAll(integers().between(2, 6), integers().between(1, 5), integers().between(0, 8), longs().all())
                .checkAssert((v, hidden, steps, seed) -> {
                    var net = TestData.randomModel(v, hidden, seed);
                    var vocab = numberedVocab(v);
                    int start = (int) Math.floorMod(seed, (long) v);
                    var expected = PredictCh8.predictTokens(List.of(vocab.tokenAt(start)), steps, net, vocab)
                            .subList(1, steps + 1).stream().mapToInt(vocab::indexOf).toArray();
                    int[] yours = Ex15OneToMany.generate(net, start, steps);
                    assertThat(yours).as("Exercise 15: generate(net, %s, %s) with V = %s, %s hidden units: "
                                    + "you gave %s, expected %s", start, steps, v, hidden, Arrays.toString(yours),
                                    Arrays.toString(expected))
                            .containsExactly(expected);
                });
    }

    @Test
    @Order(4)
    @DisplayName("Generating more steps only appends: the first m tokens never change")
    void longerGenerationExtendsShorter() {
        Props.qt().forAll(integers().between(2, 6), integers().between(0, 6), integers().between(0, 6), longs().all())
                .checkAssert((v, m, more, seed) -> {
                    var net = TestData.randomModel(v, 4, seed);
                    int start = (int) Math.floorMod(seed, (long) v);
                    int[] longer = Ex15OneToMany.generate(net, start, m + more);
                    assertThat(longer).as("Exercise 15: generate(net, %s, %s) gives %s tokens", start, m + more,
                            m + more).hasSize(m + more);
                    assertThat(Arrays.copyOf(longer, m))
                            .as("Exercise 15: the first %s tokens of generate(net, %s, %s)", m, start, m + more)
                            .containsExactly(Ex15OneToMany.generate(net, start, m));
                });
    }
}
