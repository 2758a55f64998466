package rnnscratch.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.UserException;
import rnnscratch.testing.Props;

/**
 * The order and the bounds of the two partitionings of d2l 8.3.4, pinned against independent statements rather than
 * against the iterators themselves. The corpora are {@code 0, 1, …, len − 1}, so a row's first token is its start.
 * Docs: docs/text-pipeline.md
 */
class PartitioningOrderTest {
    private static int[] positions(int length) {
        return IntStream.range(0, length).toArray();
    }

    /** The start of every row of every minibatch, in the order they are used. */
    private static List<Integer> rowStarts(List<Minibatch> epoch) {
        return epoch.stream().flatMap(b -> Arrays.stream(b.x())).map(row -> row[0]).toList();
    }

    @Test
    @DisplayName("Random partitioning uses the subsequence starts offset + j·numSteps in the order "
            + "Collections.shuffle(starts, rng) puts them, batchSize at a time, leftovers dropped")
    void randomOrderIsTheSeededShuffle() {
        Props.qt().forAll(integers().between(20, 400), integers().between(1, 5), integers().between(1, 6),
                longs().all()).assuming((len, batch, steps, seed) -> len >= batch * steps + steps)
                .checkAssert((len, batch, steps, seed) -> {
                    int offset = Math.floorMod(seed, steps);
                    int numSubseqs = (len - offset - 1) / steps;
                    var starts = new ArrayList<Integer>();
                    for (int j = 0; j < numSubseqs; j++) {
                        starts.add(offset + j * steps);
                    }
                    Collections.shuffle(starts, new Random(seed));
                    var expected = starts.subList(0, numSubseqs / batch * batch);
                    var epoch = SeqDataIter.seqDataIterRandom(positions(len), batch, steps, offset, new Random(seed));
                    assertThat(rowStarts(epoch)).as("row starts of the epoch, len %d, batch %d × %d steps, offset %d",
                            len, batch, steps, offset).containsExactlyElementsOf(expected);
                });
    }

    @Test
    @DisplayName("A seeded random epoch with many subsequences is shuffled: its starts are not in corpus order")
    void randomEpochIsNotInCorpusOrder() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 5), longs().all())
                .checkAssert((batch, steps, seed) -> {
                    var epoch = SeqDataIter.seqDataIterRandom(positions(60 * batch * steps + steps), batch, steps, 0,
                            new Random(seed));
                    var starts = rowStarts(epoch);
                    var sorted = starts.stream().sorted().toList();
                    assertThat(starts).as("60·batch subsequences in the order drawn (the chance that a shuffle "
                            + "leaves them sorted is 1/%d!)", starts.size()).isNotEqualTo(sorted);
                });
    }

    @Test
    @DisplayName("Sequential partitioning: row i of minibatch k starts at offset + i·⌊(len − offset − 1)/batch⌋ + "
            + "k·numSteps")
    void sequentialStartsFollowTheFormula() {
        Props.qt().forAll(integers().between(10, 400), integers().between(1, 5), integers().between(1, 6),
                integers().between(0, 6)).assuming((len, batch, steps, off) -> off <= steps
                        && len >= batch * steps + steps + 1)
                .checkAssert((len, batch, steps, offset) -> {
                    var epoch = SeqDataIter.seqDataIterSequential(positions(len), batch, steps, offset);
                    int rowLength = (len - offset - 1) / batch;
                    assertThat(epoch).as("⌊rowLength / numSteps⌋ minibatches").hasSize(rowLength / steps);
                    for (int k = 0; k < epoch.size(); k++) {
                        for (int i = 0; i < batch; i++) {
                            assertThat(epoch.get(k).x()[i][0]).as("start of row %d of minibatch %d", i, k)
                                    .isEqualTo(offset + i * rowLength + k * steps);
                        }
                    }
                });
    }

    @Test
    @DisplayName("Sequential offsets run from 0 to numSteps and random ones from 0 to numSteps − 1; others are "
            + "refused, naming the offset")
    void offsetBounds() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 6)).checkAssert((batch, steps) -> {
            var corpus = positions(batch * steps * 3 + 2 * steps + 2);
            assertThat(SeqDataIter.seqDataIterSequential(corpus, batch, steps, 0)).as("offset 0").isNotEmpty();
            assertThat(SeqDataIter.seqDataIterSequential(corpus, batch, steps, steps)).as("offset numSteps")
                    .isNotEmpty();
            assertThat(SeqDataIter.seqDataIterRandom(corpus, batch, steps, 0, new Random(1))).as("offset 0")
                    .isNotEmpty();
            assertThat(SeqDataIter.seqDataIterRandom(corpus, batch, steps, steps - 1, new Random(1)))
                    .as("offset numSteps − 1").isNotEmpty();
            for (int bad : new int[] {-1, steps + 1}) {
                assertThatThrownBy(() -> SeqDataIter.seqDataIterSequential(corpus, batch, steps, bad))
                        .as("sequential offset %d with %d steps", bad, steps)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(bad));
            }
            for (int bad : new int[] {-1, steps}) {
                assertThatThrownBy(() -> SeqDataIter.seqDataIterRandom(corpus, batch, steps, bad, new Random(1)))
                        .as("random offset %d with %d steps", bad, steps)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(bad));
            }
        });
    }

    @Test
    @DisplayName("A corpus of exactly batchSize·numSteps + offset + 1 tokens gives one minibatch; one token fewer is "
            + "refused as too short")
    void shortestCorpus() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 6), integers().between(0, 6))
                .assuming((batch, steps, offset) -> offset < steps).checkAssert((batch, steps, offset) -> {
                    int needed = batch * steps + offset + 1;
                    assertThat(SeqDataIter.seqDataIterSequential(positions(needed), batch, steps, offset))
                            .as("sequential, %d tokens", needed).hasSize(1);
                    assertThat(SeqDataIter.seqDataIterRandom(positions(needed), batch, steps, offset, new Random(2)))
                            .as("random, %d tokens", needed).hasSize(1);
                    assertThatThrownBy(() -> SeqDataIter.seqDataIterSequential(positions(needed - 1), batch, steps,
                            offset)).as("sequential, %d tokens", needed - 1).isInstanceOf(UserException.class)
                            .hasMessageContaining(String.valueOf(needed - 1));
                    assertThatThrownBy(() -> SeqDataIter.seqDataIterRandom(positions(needed - 1), batch, steps,
                            offset, new Random(2))).as("random, %d tokens", needed - 1)
                            .isInstanceOf(UserException.class);
                });
    }

    @Test
    @DisplayName("Replaying given starts refuses a start that would run past either end of the corpus and accepts "
            + "the last one that fits")
    void givenStartsMustFit() {
        Props.qt().forAll(integers().between(10, 100), integers().between(1, 6), integers().between(0, 5))
                .assuming((len, steps, offset) -> len > steps + offset + 1).checkAssert((len, steps, offset) -> {
                    var corpus = positions(len);
                    int last = len - steps - 1 - offset;
                    var epoch = SeqDataIter.seqDataIterRandom(corpus, 1, steps, offset, new int[] {last});
                    assertThat(epoch.get(0).y()[0][steps - 1]).as("the last start that fits ends on the last token")
                            .isEqualTo(len - 1);
                    for (int bad : new int[] {last + 1, -offset - 1}) {
                        assertThatThrownBy(() -> SeqDataIter.seqDataIterRandom(corpus, 1, steps, offset,
                                new int[] {bad})).as("start %d (offset %d) of %d steps in %d tokens", bad, offset,
                                steps, len).isInstanceOf(IllegalArgumentException.class);
                    }
                    assertThat(SeqDataIter.seqDataIterRandom(corpus, 2, steps, offset, new int[] {0, last, 0}))
                            .as("3 starts, batch 2: one minibatch, the third start dropped").hasSize(1);
                });
    }

    @Test
    @DisplayName("A loader refuses a corpus too short for one minibatch at the largest offset it can draw, and says "
            + "how its epochs are cut")
    void loaderNeedsRoomForTheLargestOffset() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 6)).checkAssert((batch, steps) -> {
            int sequentialNeeds = batch * steps + steps + 1;
            int randomNeeds = batch * steps + steps;
            var ok = new SeqDataLoader(positions(sequentialNeeds), batch, steps, false, new Random(1));
            assertThat(ok.nextEpoch().batches()).as("sequential with exactly %d tokens", sequentialNeeds).isNotEmpty();
            assertThat(ok.batchSize()).as("the loader's batch size").isEqualTo(batch);
            assertThat(ok.numSteps()).as("the loader's num_steps").isEqualTo(steps);
            assertThat(ok.useRandomIter()).as("a loader made with use_random_iter=False is sequential").isFalse();
            assertThatThrownBy(() -> new SeqDataLoader(positions(sequentialNeeds - 1), batch, steps, false,
                    new Random(1))).as("sequential with %d tokens", sequentialNeeds - 1)
                    .isInstanceOf(UserException.class);
            var random = new SeqDataLoader(positions(randomNeeds), batch, steps, true, new Random(1));
            assertThat(random.nextEpoch().batches()).as("random with exactly %d tokens", randomNeeds).isNotEmpty();
            assertThat(random.useRandomIter()).as("a loader made with use_random_iter=True is random").isTrue();
            assertThatThrownBy(() -> new SeqDataLoader(positions(randomNeeds - 1), batch, steps, true, new Random(1)))
                    .as("random with %d tokens", randomNeeds - 1).isInstanceOf(UserException.class);
        });
    }

    @Test
    @DisplayName("A loader keeps its own copy of the corpus: changing the caller's array changes no epoch")
    void loaderCopiesTheCorpus() {
        var corpus = positions(100);
        var loader = new SeqDataLoader(corpus, 2, 5, false, new Random(4));
        var twin = new SeqDataLoader(positions(100), 2, 5, false, new Random(4));
        Arrays.fill(corpus, 7);
        assertThat(loader.nextEpoch()).as("an epoch after the caller overwrote its array").isEqualTo(twin.nextEpoch());
    }
}
