package rnnscratch.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.UserException;
import rnnscratch.testing.Props;

/** d2l's SeqDataLoader: a new offset (and shuffle) every epoch, drawn from the seeded generator it was given. */
class SeqDataLoaderTest {

    private static final int[] CORPUS = IntStream.range(0, 1000).toArray();

    @Test
    @DisplayName("Sequential epochs draw their offset with rng.nextInt(numSteps + 1) and are the iterator's batches for it")
    void sequentialEpochIsTheIteratorAtTheDrawnOffset() {
        Props.qt().forAll(integers().between(1, 8), integers().between(1, 12), longs().all())
                .checkAssert((batch, steps, seed) -> {
                    var loader = new SeqDataLoader(CORPUS, batch, steps, false, new Random(seed));
                    var rng = new Random(seed);
                    for (int e = 0; e < 3; e++) {
                        var epoch = loader.nextEpoch();
                        assertThat(epoch.offset()).as("epoch %d's offset", e).isEqualTo(rng.nextInt(steps + 1));
                        assertThat(epoch.useRandomIter()).as("epoch %d of a sequential loader says it is sequential", e)
                                .isFalse();
                        assertThat(epoch.batches()).as("replaying epoch %d from its logged offset", e)
                                .isEqualTo(SeqDataIter.seqDataIterSequential(CORPUS, batch, steps, epoch.offset()));
                    }
                });
    }

    @Test
    @DisplayName("Random epochs draw their offset with rng.nextInt(numSteps), then shuffle with the same rng")
    void randomEpochDrawsOffsetThenShuffle() {
        Props.qt().forAll(integers().between(1, 8), integers().between(1, 12), longs().all())
                .checkAssert((batch, steps, seed) -> {
                    var loader = new SeqDataLoader(CORPUS, batch, steps, true, new Random(seed));
                    var rng = new Random(seed);
                    for (int e = 0; e < 3; e++) {
                        var epoch = loader.nextEpoch();
                        int offset = rng.nextInt(steps);
                        assertThat(epoch.offset()).as("epoch %d's offset", e).isEqualTo(offset);
                        assertThat(epoch.useRandomIter()).as("epoch %d of a random loader says it is random", e)
                                .isTrue();
                        assertThat(epoch.batches()).as("replaying epoch %d from its offset and the same rng", e)
                                .isEqualTo(SeqDataIter.seqDataIterRandom(CORPUS, batch, steps, offset, rng));
                    }
                });
    }

    @Test
    @DisplayName("The same seed gives the same epochs")
    void sameSeedSameEpochs() {
        Props.qt().forAll(booleans().all(), longs().all()).checkAssert((random, seed) -> {
            var a = new SeqDataLoader(CORPUS, 4, 7, random, new Random(seed));
            var b = new SeqDataLoader(CORPUS, 4, 7, random, new Random(seed));
            for (int e = 0; e < 3; e++) {
                assertThat(a.nextEpoch()).as("epoch %d", e).isEqualTo(b.nextEpoch());
            }
        });
    }

    @Test
    @DisplayName("Over many epochs every offset the book can draw turns up")
    void everyOffsetTurnsUp() {
        for (boolean random : new boolean[] {false, true}) {
            var loader = new SeqDataLoader(CORPUS, 2, 5, random, new Random(7));
            var offsets = new ArrayList<Integer>();
            for (int e = 0; e < 200; e++) {
                offsets.add(loader.nextEpoch().offset());
            }
            assertThat(offsets).as(random ? "random: offsets 0..4" : "sequential: offsets 0..5 (inclusive)")
                    .containsOnly(IntStream.rangeClosed(0, random ? 4 : 5).boxed().toArray(Integer[]::new));
        }
    }

    @Test
    @DisplayName("A corpus too short for one minibatch at the largest offset is refused when the loader is made")
    void tooShortForTheLargestOffsetIsRefusedUpFront() {
        // sequential needs batch * steps + steps + 1 tokens, random batch * steps + steps
        assertThatThrownBy(() -> new SeqDataLoader(new int[4 * 5 + 5], 4, 5, false, new Random(1)))
                .isInstanceOf(UserException.class).hasMessageContaining("batch size 4 x 5 steps");
        assertThat(new SeqDataLoader(new int[4 * 5 + 6], 4, 5, false, new Random(1)).nextEpoch().batches())
                .hasSize(1);
        assertThatThrownBy(() -> new SeqDataLoader(new int[4 * 5 + 4], 4, 5, true, new Random(1)))
                .isInstanceOf(UserException.class).hasMessageContaining("24 tokens");
        assertThat(new SeqDataLoader(new int[4 * 5 + 5], 4, 5, true, new Random(1)).nextEpoch().batches())
                .hasSize(1);
    }

    @Test
    @DisplayName("loadDataTimeMachine gives the loader over the corpus cut to max tokens, and the whole text's vocabulary")
    void loadDataTimeMachineCutsTheCorpusButNotTheVocab() {
        var lines = java.util.List.of("abc abc", "zzz");
        var data = TextData.loadDataTimeMachine(lines, TokenKind.CHAR, 1, 2, false, 5, new Random(3));
        assertThat(data.vocab().idxToToken()).as("z occurs only after token 5, but is still in the vocabulary")
                .containsExactly("<unk>", "z", "a", "b", "c", " ");
        var epoch = data.dataIter().nextEpoch();
        assertThat(epoch.batches()).as("5 tokens, batch 1 x 2 steps, offset %d", epoch.offset())
                .hasSize((5 - epoch.offset() - 1) / 2);
    }
}
