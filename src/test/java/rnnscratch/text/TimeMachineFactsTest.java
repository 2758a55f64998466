package rnnscratch.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The numbers d2l 8.2-8.3 shows for The Time Machine (skipped, with the reason, when the file is not here). */
class TimeMachineFactsTest {

    @Test
    @DisplayName("The Time Machine has 3,221 lines")
    void has3221Lines() {
        assertThat(CorpusTextTestFiles.timeMachineOrSkip().lines(Preprocess.D2L)).hasSize(3221);
    }

    @Test
    @DisplayName("Character corpus: 170,580 tokens, vocabulary of 28: <unk>, space, e t a i n o s h r d l m u c f w g y p b v k x z j q")
    void characterCorpus() {
        var corpus = Corpus.loadCorpus(CorpusTextTestFiles.timeMachineOrSkip().lines(Preprocess.D2L), TokenKind.CHAR,
                -1);
        assertThat(corpus.numTokens()).isEqualTo(170_580);
        assertThat(corpus.vocab().idxToToken()).containsExactly("<unk>", " ", "e", "t", "a", "i", "n", "o", "s", "h",
                "r", "d", "l", "m", "u", "c", "f", "w", "g", "y", "p", "b", "v", "k", "x", "z", "j", "q");
    }

    @Test
    @DisplayName("Word corpus: 32,775 tokens, vocabulary of 4,580")
    void wordCorpus() {
        var corpus = Corpus.loadCorpus(CorpusTextTestFiles.timeMachineOrSkip().lines(Preprocess.D2L), TokenKind.WORD,
                -1);
        assertThat(corpus.numTokens()).isEqualTo(32_775);
        assertThat(corpus.vocab().size()).isEqualTo(4_580);
    }

    @Test
    @DisplayName("With max_tokens 10,000, batch 32 and 35 steps, both iterators yield 8 minibatches of 32x35 per epoch")
    void eightMinibatchesPerEpoch() {
        var lines = CorpusTextTestFiles.timeMachineOrSkip().lines(Preprocess.D2L);
        for (boolean random : new boolean[] {false, true}) {
            var loader = TextData.loadDataTimeMachine(lines, TokenKind.CHAR, 32, 35, random,
                    Corpus.DEFAULT_MAX_TOKENS, new Random(42)).dataIter();
            for (int e = 0; e < 20; e++) {
                var epoch = loader.nextEpoch();
                assertThat(epoch.batches()).as("%s iterator, epoch %d (offset %d)",
                        random ? "random" : "sequential", e, epoch.offset()).hasSize(8)
                        .allSatisfy(b -> assertThat(b.x()).hasDimensions(32, 35));
            }
        }
    }
}
