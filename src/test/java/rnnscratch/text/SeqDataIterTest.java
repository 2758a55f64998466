package rnnscratch.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashSet;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.UserException;
import rnnscratch.testing.Props;

/**
 * The two minibatch iterators of d2l 8.3.4. The corpora here are {@code 0, 1, 2, ..., len - 1}: every token is its
 * own position, so the value at {@code x[i][t]} says exactly where in the corpus it was taken from.
 */
class SeqDataIterTest {

    private static int[] positions(int length) {
        return IntStream.range(0, length).toArray();
    }

    /** The book's length rule for both iterators: one minibatch needs batchSize * numSteps + offset + 1 tokens. */
    private static boolean longEnough(int length, int batchSize, int numSteps, int offset) {
        return length >= batchSize * numSteps + offset + 1;
    }

    @Test
    @DisplayName("In every minibatch of both iterators, Y is X shifted by one token of the corpus")
    void everyMinibatchYIsXShiftedByOneToken() {
        Props.qt().forAll(integers().between(1, 3000), integers().between(1, 16), integers().between(1, 20),
                        longs().all())
                .assuming((len, batch, steps, seed) -> longEnough(len, batch, steps, steps))
                .checkAssert((len, batch, steps, seed) -> {
                    var corpus = new Random(seed).ints(len, 0, 30).toArray(); // any tokens, repeats included
                    int offset = new Random(seed).nextInt(steps);
                    var epochs = java.util.List.of(
                            SeqDataIter.seqDataIterSequential(corpus, batch, steps, offset),
                            SeqDataIter.seqDataIterRandom(corpus, batch, steps, offset, new Random(seed)));
                    var positions = positions(len);
                    var where = java.util.List.of(
                            SeqDataIter.seqDataIterSequential(positions, batch, steps, offset),
                            SeqDataIter.seqDataIterRandom(positions, batch, steps, offset, new Random(seed)));
                    for (int e = 0; e < 2; e++) {
                        for (int k = 0; k < epochs.get(e).size(); k++) {
                            var tokens = epochs.get(e).get(k);
                            var starts = where.get(e).get(k);
                            for (int i = 0; i < batch; i++) {
                                for (int t = 0; t < steps; t++) {
                                    int p = starts.x()[i][t];
                                    assertThat(new int[] {tokens.x()[i][t], tokens.y()[i][t]})
                                            .as("minibatch %d, row %d, step %d: x must be corpus[%d] and y the "
                                                    + "token after it, corpus[%d]", k, i, t, p, p + 1)
                                            .containsExactly(corpus[p], corpus[p + 1]);
                                    assertThat(p).as("row %d of minibatch %d must be consecutive tokens", i, k)
                                            .isEqualTo(starts.x()[i][0] + t);
                                }
                            }
                        }
                    }
                });
    }

    @Test
    @DisplayName("The worked example of docs/text-pipeline.md: corpus 0..16, batch 2 x 3 steps, offset 1")
    void docsWorkedExample() {
        var batches = SeqDataIter.seqDataIterSequential(positions(17), 2, 3, 1);
        assertThat(batches).containsExactly(
                new Minibatch(new int[][] {{1, 2, 3}, {8, 9, 10}}, new int[][] {{2, 3, 4}, {9, 10, 11}}),
                new Minibatch(new int[][] {{4, 5, 6}, {11, 12, 13}}, new int[][] {{5, 6, 7}, {12, 13, 14}}));
    }

    @Test
    @DisplayName("Sequential: row i of minibatch k+1 starts exactly where row i of minibatch k ended")
    void sequentialRowsContinueFromOneMinibatchToTheNext() {
        Props.qt().forAll(integers().between(1, 3000), integers().between(1, 16), integers().between(1, 20),
                        integers().between(0, 20))
                .assuming((len, batch, steps, offset) -> offset <= steps && longEnough(len, batch, steps, offset))
                .checkAssert((len, batch, steps, offset) -> {
                    var batches = SeqDataIter.seqDataIterSequential(positions(len), batch, steps, offset);
                    for (int k = 0; k + 1 < batches.size(); k++) {
                        for (int i = 0; i < batch; i++) {
                            assertThat(batches.get(k + 1).x()[i][0])
                                    .as("row %d of minibatch %d must continue right after row %d of minibatch %d, "
                                            + "so the hidden state can be carried over", i, k + 1, i, k)
                                    .isEqualTo(batches.get(k).x()[i][steps - 1] + 1);
                        }
                    }
                    assertThat(batches.get(0).x()[0][0]).as("the first row starts after the offset")
                            .isEqualTo(offset);
                });
    }

    @Test
    @DisplayName("Random: within an epoch no subsequence start is used twice, and all are offset + a multiple of num_steps")
    void randomStartsAreDistinctMultiplesOfNumStepsAfterTheOffset() {
        Props.qt().forAll(integers().between(1, 3000), integers().between(1, 16), integers().between(1, 20),
                        longs().all())
                .assuming((len, batch, steps, seed) -> longEnough(len, batch, steps, steps - 1))
                .checkAssert((len, batch, steps, seed) -> {
                    int offset = new Random(seed).nextInt(steps);
                    var seen = new HashSet<Integer>();
                    for (var minibatch : SeqDataIter.seqDataIterRandom(positions(len), batch, steps, offset,
                            new Random(seed))) {
                        for (var row : minibatch.x()) {
                            assertThat((row[0] - offset) % steps)
                                    .as("start %d must be offset %d plus a multiple of %d steps", row[0], offset, steps)
                                    .isZero();
                            assertThat(seen.add(row[0])).as("start %d is used twice in one epoch", row[0]).isTrue();
                        }
                    }
                });
    }

    @Test
    @DisplayName("The number of minibatches follows the book's formulas for any corpus length, batch size and num_steps")
    void numberOfMinibatchesFollowsTheFormulas() {
        Props.qt().forAll(integers().between(0, 3000), integers().between(1, 16), integers().between(1, 20),
                        integers().between(0, 20))
                .assuming((len, batch, steps, offset) -> offset < steps)
                .checkAssert((len, batch, steps, offset) -> {
                    var corpus = positions(len);
                    if (!longEnough(len, batch, steps, offset)) {
                        assertThatThrownBy(() -> SeqDataIter.seqDataIterSequential(corpus, batch, steps, offset))
                                .isInstanceOf(UserException.class);
                        assertThatThrownBy(() -> SeqDataIter.seqDataIterRandom(corpus, batch, steps, offset,
                                new Random(1))).isInstanceOf(UserException.class);
                        return;
                    }
                    int sequential = (len - offset - 1) / batch * batch / batch / steps;
                    int random = (len - offset - 1) / steps / batch;
                    assertThat(SeqDataIter.seqDataIterSequential(corpus, batch, steps, offset))
                            .as("sequential: floor(floor((len - offset - 1) / batch) * batch / batch / steps)")
                            .hasSize(sequential)
                            .allSatisfy(b -> assertThat(b.x()).as("every minibatch is batch x steps")
                                    .hasDimensions(batch, steps));
                    assertThat(SeqDataIter.seqDataIterRandom(corpus, batch, steps, offset, new Random(1)))
                            .as("random: floor(num_subseqs / batch) with num_subseqs = (len - offset - 1) / steps")
                            .hasSize(random)
                            .allSatisfy(b -> assertThat(b.y()).as("every minibatch is batch x steps")
                                    .hasDimensions(batch, steps));
                });
    }

    @Test
    @DisplayName("A corpus too short for one minibatch is a clear error naming the sizes and what to change")
    void tooShortCorpusIsAClearError() {
        assertThatThrownBy(() -> SeqDataIter.seqDataIterSequential(positions(50), 32, 35, 0))
                .isInstanceOf(CorpusTooShortException.class)
                .hasMessageStartingWith("corpus of 50 tokens is too short for one minibatch of batch size 32 x 35 steps")
                .hasMessageContaining("(it needs at least 1121 tokens)")
                .hasMessageContaining("use a longer text, or a smaller batch size or number of steps")
                .as("the library speaks of no command-line flag").hasMessageNotContaining("--");
        assertThatThrownBy(() -> SeqDataIter.seqDataIterRandom(positions(50), 32, 35, 0, new Random(1)))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("50 tokens");
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(CorpusTooShortException.class,
                () -> SeqDataIter.seqDataIterSequential(positions(50), 32, 35, 0));
        assertThat(e.tokens()).as("the corpus' length, as a number for the caller").isEqualTo(50);
        assertThat(e.needed()).as("the fewest tokens for one minibatch: 32·35 + 0 + 1").isEqualTo(1121);
    }

    @Test
    @DisplayName("A batch size or num_steps below 1 is a clear error naming both")
    void sizesBelowOneAreAClearError() {
        Props.qt().forAll(integers().between(-5, 3), integers().between(-5, 3))
                .assuming((batch, steps) -> batch < 1 || steps < 1)
                .checkAssert((batch, steps) -> {
                    assertThatThrownBy(() -> SeqDataIter.seqDataIterSequential(positions(100), batch, steps, 0))
                            .isInstanceOf(UserException.class)
                            .hasMessageContaining("batch size " + batch).hasMessageContaining("num steps " + steps);
                    assertThatThrownBy(() -> SeqDataIter.seqDataIterRandom(positions(100), batch, steps, 0,
                            new Random(1))).isInstanceOf(UserException.class);
                    assertThatThrownBy(() -> new SeqDataLoader(positions(100), batch, steps, false, new Random(1)))
                            .isInstanceOf(UserException.class);
                });
    }

    @Test
    @DisplayName("Random iteration with given starts replays exactly the epoch the shuffle made")
    void givenStartsReplayTheShuffledEpoch() {
        Props.qt().forAll(integers().between(40, 2000), integers().between(1, 8), integers().between(1, 10),
                        longs().all())
                .assuming((len, batch, steps, seed) -> longEnough(len, batch, steps, steps - 1))
                .checkAssert((len, batch, steps, seed) -> {
                    var corpus = positions(len);
                    int offset = new Random(seed).nextInt(steps);
                    var shuffled = SeqDataIter.seqDataIterRandom(corpus, batch, steps, offset, new Random(seed));
                    var starts = shuffled.stream().flatMap(b -> java.util.Arrays.stream(b.x()))
                            .mapToInt(row -> row[0] - offset).toArray();
                    assertThat(SeqDataIter.seqDataIterRandom(corpus, batch, steps, offset, starts))
                            .as("the same starts in the same order give the same minibatches")
                            .isEqualTo(shuffled);
                });
    }
}
