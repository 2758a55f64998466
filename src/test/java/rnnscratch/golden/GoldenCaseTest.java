package rnnscratch.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Golden cases from the book's PyTorch code load and are self-consistent")
class GoldenCaseTest {

    static List<String> names() {
        return GoldenCase.names();
    }

    @Test
    @DisplayName("All five golden cases are present")
    void allCasesArePresent() {
        assertThat(GoldenCase.names()).containsExactlyInAnyOrder("char-sequential-small", "char-sequential-clipped",
                "word-sequential", "char-random-iter", "char-sequential-noclip");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    @DisplayName("Parameter shapes agree with the vocabulary size and the number of hidden units")
    void parameterShapesAgreeWithTheConfig(String name) {
        GoldenCase c = GoldenCase.load(name);
        int vocab = c.vocab().size();
        for (GoldenCase.Params p : List.of(c.init(), c.finalParams())) {
            assertShape(name + " W_xh", p.wXh(), vocab, c.numHiddens());
            assertShape(name + " W_hh", p.wHh(), c.numHiddens(), c.numHiddens());
            assertShape(name + " b_h", p.bH(), 1, c.numHiddens());
            assertShape(name + " W_hq", p.wHq(), c.numHiddens(), vocab);
            assertShape(name + " b_q", p.bQ(), 1, vocab);
        }
        assertThat(c.init().bH()[0]).as("get_params starts b_h at zero").containsOnly(0.0);
        assertThat(c.init().bQ()[0]).as("get_params starts b_q at zero").containsOnly(0.0);
        assertThat(c.finalParams().wXh()).as("training changed W_xh").isNotEqualTo(c.init().wXh());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    @DisplayName("The corpus holds max_tokens ids, all inside the vocabulary, which starts with <unk> and has no repeats")
    void corpusAndVocabularyAgree(String name) {
        GoldenCase c = GoldenCase.load(name);
        assertThat(c.corpus()).hasSize(c.maxTokens());
        assertThat(Arrays.stream(c.corpus()).min().orElse(0)).as("smallest id").isNotNegative();
        assertThat(Arrays.stream(c.corpus()).max().orElse(0)).as("largest id").isLessThan(c.vocab().size());
        assertThat(c.vocab().get(0)).isEqualTo("<unk>");
        assertThat(new HashSet<>(c.vocab())).as("distinct tokens").hasSize(c.vocab().size());
        if (c.token().equals("char")) {
            assertThat(c.vocab()).as("the space is a character token").contains(" ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    @DisplayName("Every epoch has an offset or recorded minibatches, and the number of minibatches they imply")
    void minibatchesAgreeWithTheConfig(String name) {
        GoldenCase c = GoldenCase.load(name);
        assertThat(c.numBatches()).hasSize(c.epochs());
        if (c.useRandomIter()) {
            assertThat(c.offsets()).isEmpty();
            assertThat(c.batchesX().length).as("epochs recorded").isEqualTo(c.epochs());
            for (int e = 0; e < c.epochs(); e++) {
                assertThat(c.batchesX()[e].length).as("minibatches in epoch %d", e).isEqualTo(c.numBatches()[e]);
                for (int i = 0; i < c.numBatches()[e]; i++) {
                    assertThat(c.batchesX()[e][i]).hasNumberOfRows(c.batchSize());
                    for (int b = 0; b < c.batchSize(); b++) {
                        int[] x = c.batchesX()[e][i][b];
                        int[] y = c.batchesY()[e][i][b];
                        assertThat(x).hasSize(c.numSteps());
                        assertThat(isCorpusSlice(c.corpus(), x, y))
                                .as("epoch %d batch %d row %d: X is a slice of the corpus and Y the next tokens", e, i, b)
                                .isTrue();
                    }
                }
            }
        } else {
            assertThat(c.batchesX().length).as("no recorded minibatches").isZero();
            assertThat(c.offsets()).hasSize(c.epochs());
            for (int e = 0; e < c.epochs(); e++) {
                int offset = c.offsets()[e];
                assertThat(offset).isBetween(0, c.numSteps());
                int perRow = (c.corpus().length - offset - 1) / c.batchSize();
                assertThat(c.numBatches()[e]).as("epoch %d: ((len - offset - 1) / batch) / steps minibatches", e)
                        .isEqualTo(perRow / c.numSteps());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    @DisplayName("Perplexity is finite, above 1 and lower after the last epoch than after the first")
    void perplexityIsPlausible(String name) {
        GoldenCase c = GoldenCase.load(name);
        assertThat(c.perplexity()).hasSize(c.epochs());
        for (double p : c.perplexity()) {
            assertThat(p).isFinite().isGreaterThan(1.0);
        }
        assertThat(c.perplexity()[c.epochs() - 1]).isLessThan(c.perplexity()[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    @DisplayName("Clipping counts agree with theta: none without clipping, never more than the minibatches")
    void clippingAgreesWithTheta(String name) {
        GoldenCase c = GoldenCase.load(name);
        for (int e = 0; e < c.epochs(); e++) {
            assertThat(c.clippedBatches()[e]).isBetween(0, c.numBatches()[e]);
            if (c.theta().isEmpty()) {
                assertThat(c.clippedBatches()[e]).as("no clipping, nothing clipped").isZero();
            }
        }
        if (name.equals("char-sequential-clipped")) {
            assertThat(Arrays.stream(c.clippedBatches()).sum()).as("this case exists to exercise clipping")
                    .isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    @DisplayName("The prediction is the prefix followed by 20 tokens, their ids' tokens joined without spaces")
    void predictionMatchesItsIds(String name) {
        GoldenCase c = GoldenCase.load(name);
        assertThat(c.predictionIds()).hasSize(c.prefixLength() + 20);
        String joined = Arrays.stream(c.predictionIds()).mapToObj(c.vocab()::get).collect(Collectors.joining());
        assertThat(c.prediction()).isEqualTo(joined);
        assertThat(c.prediction()).startsWith(c.token().equals("word") ? c.prefix().replace(" ", "") : c.prefix());
    }

    private static boolean isCorpusSlice(int[] corpus, int[] x, int[] y) {
        for (int j = 0; j + x.length < corpus.length; j++) {
            if (Arrays.equals(corpus, j, j + x.length, x, 0, x.length)
                    && Arrays.equals(corpus, j + 1, j + 1 + y.length, y, 0, y.length)) {
                return true;
            }
        }
        return false;
    }

    private static void assertShape(String what, double[][] m, int rows, int cols) {
        assertThat(m).as("%s rows", what).hasNumberOfRows(rows);
        for (double[] row : m) {
            assertThat(row).as("%s columns", what).hasSize(cols);
        }
    }
}
