package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnParams;
import rnnscratch.testing.Props;
import rnnscratch.text.TokenKind;
import rnnscratch.text.Tokenize;
import rnnscratch.text.Vocab;
import rnnscratch.train.PredictCh8;

/** Exercise 14: greedy predictCh8. Docs: docs/training.md */
@Tag("exercise")
@Tag("ex14")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex14PredictCh8Test {
    /** Characters of the test texts; 🙂 lies outside the Basic Multilingual Plane: one character, two Java chars. */
    static final String[] CHARS = {"a", "b", "c", "d", "e", " ", "z", "🙂"};
    static final Vocab VOCAB = Vocab.of(Tokenize.tokenize(List.of("abcde abcde 🙂"), TokenKind.CHAR));
    /** The worked examples' model: it answers with the character it read one step before, 'e' when there is none. */
    static final RNNModelScratch ECHO = TestData.delayModel(VOCAB.size(), VOCAB.indexOf("e"));

    /** A prefix of random characters from the vocabulary's text, sometimes with 🙂 or one it does not know (z). */
    static String randomPrefix(int length, long seed) {
        var rng = new Random(seed);
        var sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(CHARS[rng.nextInt(CHARS.length)]);
        }
        return sb.toString();
    }

    @Test
    @Order(1)
    @DisplayName("Worked example: a model that always predicts 'a' continues \"ab\" with \"aaa\"")
    void workedExample() {
        int v = VOCAB.size();
        var bQ = new double[1][v];
        bQ[0][VOCAB.indexOf("a")] = 5.0;
        var net = new RNNModelScratch(RnnParams.of(new double[v][2], new double[2][2], new double[1][2],
                new double[2][v], bQ));
        String got = Ex14PredictCh8.predictCh8("ab", 3, net, VOCAB);
        String why = got.equals("aaa") ? " — you gave \"aaa\", the predictions alone: the answer starts with the "
                + "prefix (the book's outputs list begins with the prefix's tokens)"
                : got.startsWith("abb") ? " — the first character after the prefix is 'b', the character you fed: "
                        + "append the prediction (the argmax of the output), then feed it"
                : "";
        assertThat(got)
                .as("Exercise 14: the prefix, then the argmax of each output ('a', whose bias is largest) three times"
                        + why)
                .isEqualTo("abaaa");
    }

    @Test
    @Order(2)
    @DisplayName("Worked example: the warm-up — a model that echoes the character read one step before continues "
            + "\"ab\" with \"a\"")
    void workedExampleWarmUp() {
        String got = Ex14PredictCh8.predictCh8("ab", 1, ECHO, VOCAB);
        String why = switch (got) {
            case "abb" -> " — you answered 'b', so the state had read 'b' before 'b' was fed: 'b' was fed twice, in "
                    + "the warm-up and again to start the prediction";
            case "abe" -> " — you answered 'e', the answer of a state that has read nothing: the warm-up did not "
                    + "reach the state that fed 'b'";
            default -> "";
        };
        assertThat(got)
                .as("Exercise 14: warm up first: feed 'a' and ignore its output, so that the state has read 'a'; "
                        + "then feed 'b', the last prefix character, once, and the model answers with the 'a' read "
                        + "before it. Every prefix character but the last is fed in the warm-up, the last starts the "
                        + "prediction, and each character is fed exactly once" + why)
                .isEqualTo("aba");
    }

    @Test
    @Order(3)
    @DisplayName("Worked example: the same model ('e' while it has read nothing before) continues \"a\" with "
            + "\"eae\"")
    void workedExampleCarriesTheState() {
        assertThat(Ex14PredictCh8.predictCh8("a", 3, ECHO, VOCAB))
                .as("Exercise 14: feed 'a' (nothing read before it: 'e'), feed 'e' (read before it: 'a'), feed 'a' "
                        + "('e'): carry the state from each prediction to the next")
                .isEqualTo("aeae");
    }

    @Test
    @Order(4)
    @DisplayName("Worked example: 🙂 is one character — the same model continues \"🙂a\" with \"🙂\"")
    void workedExampleEmoji() {
        assertThat(Ex14PredictCh8.predictCh8("🙂a", 1, ECHO, VOCAB))
                .as("Exercise 14: walk the prefix by code points: 🙂 is one character (two Java chars), fed once "
                        + "in the warm-up; then feeding 'a' gives back the 🙂 read before it")
                .isEqualTo("🙂a🙂");
    }

    @Test
    @Order(5)
    @DisplayName("Worked example: a character not in the vocabulary (z) is fed as <unk> but kept — \"z\" continues with \"e\"")
    void workedExampleUnknown() {
        assertThat(Ex14PredictCh8.predictCh8("z", 1, ECHO, VOCAB))
                .as("Exercise 14: 'z' is fed as <unk> (index 0), and the model answers 'e' (nothing read before it); the "
                        + "result keeps the prefix as given, \"z\", not rebuilt from ids (that would give <unk>)")
                .isEqualTo("ze");
    }

    @Test
    @Order(6)
    @DisplayName("The continuation is the library's predictCh8, character for character")
    void matchesTheLibrary() {
        Props.qt().forAll(integers().between(1, 6), integers().between(0, 8), integers().between(1, 6), longs().all())
                .checkAssert((prefixLength, numPreds, hidden, seed) -> {
                    var net = TestData.randomModel(VOCAB.size(), hidden, seed);
                    String prefix = randomPrefix(prefixLength, seed);
                    assertThat(Ex14PredictCh8.predictCh8(prefix, numPreds, net, VOCAB))
                            .as("Exercise 14: predictCh8(\"%s\", %s) with %s hidden units (warm up on every "
                                    + "prefix character but the last, ignoring the outputs; the last is the first "
                                    + "input of the prediction, so each character is fed once; then feed each argmax "
                                    + "back)", prefix, numPreds, hidden)
                            .isEqualTo(PredictCh8.predictCh8(prefix, numPreds, net, VOCAB));
                });
    }

    @Test
    @Order(7)
    @DisplayName("A character outside the Basic Multilingual Plane (🙂) is one character, fed once")
    void charactersAreCodePoints() {
        Props.qt().forAll(integers().between(0, 3), integers().between(0, 3), integers().between(1, 6), longs().all())
                .checkAssert((before, after, numPreds, seed) -> {
                    var net = TestData.randomModel(VOCAB.size(), 4, seed);
                    String prefix = randomPrefix(before, seed) + "🙂" + randomPrefix(after, seed + 1);
                    assertThat(Ex14PredictCh8.predictCh8(prefix, numPreds, net, VOCAB))
                            .as("Exercise 14: predictCh8(\"%s\", %s) must be the library's: walk the prefix by "
                                    + "code points (🙂 is one character, two Java chars) and feed every character "
                                    + "exactly once — the last prefix character is the first input of the prediction",
                                    prefix, numPreds)
                            .isEqualTo(PredictCh8.predictCh8(prefix, numPreds, net, VOCAB));
                });
    }

    @Test
    @Order(8)
    @DisplayName("The result starts with the prefix, and numPreds = 0 returns the prefix alone")
    void resultStartsWithThePrefix() {
        Props.qt().forAll(integers().between(1, 6), integers().between(0, 5), longs().all())
                .checkAssert((prefixLength, numPreds, seed) -> {
                    var net = TestData.randomModel(VOCAB.size(), 3, seed);
                    String prefix = randomPrefix(prefixLength, seed);
                    assertThat(Ex14PredictCh8.predictCh8(prefix, numPreds, net, VOCAB))
                            .as("Exercise 14: predictCh8(\"%s\", %s) keeps the prefix as given", prefix, numPreds)
                            .startsWith(prefix);
                    assertThat(Ex14PredictCh8.predictCh8(prefix, 0, net, VOCAB))
                            .as("Exercise 14: nothing to predict").isEqualTo(prefix);
                });
    }
}
