package rnnscratch.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Props;

/**
 * The text package's values — minibatches, vocabularies, corpora — are equal exactly when their contents are, so that
 * comparing two of them in a test means something. Docs: docs/text-pipeline.md
 */
class TextValuesTest {
    private static int[][] ids(int rows, int cols, long seed) {
        var rng = new Random(seed);
        var a = new int[rows][cols];
        for (int[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextInt(5);
            }
        }
        return a;
    }

    private static int[][] copy(int[][] a) {
        return java.util.Arrays.stream(a).map(int[]::clone).toArray(int[][]::new);
    }

    @Test
    @DisplayName("Two minibatches are equal, with equal hash codes, when x and y hold the same ids, and unequal when "
            + "one id of x or of y differs")
    void minibatchEquality() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 5), longs().all()).checkAssert((b, t, s) -> {
            var x = ids(b, t, s);
            var y = ids(b, t, s + 1);
            var a = new Minibatch(x, y);
            var same = new Minibatch(copy(x), copy(y));
            assertThat(a).as("the same ids in new arrays").isEqualTo(same);
            assertThat(a.hashCode()).as("equal minibatches hash alike").isEqualTo(same.hashCode());
            assertThat(a.batchSize()).isEqualTo(b);
            assertThat(a.numSteps()).isEqualTo(t);
            var rng = new Random(s);
            int i = rng.nextInt(b);
            int j = rng.nextInt(t);
            var otherX = copy(x);
            otherX[i][j] += 1;
            var otherY = copy(y);
            otherY[i][j] += 1;
            assertThat(a).as("x differs at [%d][%d]", i, j).isNotEqualTo(new Minibatch(otherX, copy(y)));
            assertThat(a).as("y differs at [%d][%d]", i, j).isNotEqualTo(new Minibatch(copy(x), otherY));
            assertThat(a).as("not a minibatch").isNotEqualTo(List.of(x, y));
            assertThat(a.toString()).as("printed").contains(java.util.Arrays.deepToString(x))
                    .contains(java.util.Arrays.deepToString(y));
        });
    }

    @Test
    @DisplayName("A minibatch refuses x and y of different shapes, no rows, and rows of no steps")
    void minibatchShapes() {
        assertThatThrownBy(() -> new Minibatch(new int[0][0], new int[0][0])).as("no rows")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Minibatch(new int[2][3], new int[1][3])).as("2 rows of x, 1 of y")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Minibatch(new int[2][3], new int[2][2])).as("3 steps of x, 2 of y")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Minibatch(new int[][] {{1, 2}, {3}}, new int[][] {{1, 2}, {3}}))
                .as("ragged x and y").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Minibatch(new int[][] {{1, 2}, {3, 4}}, new int[][] {{1, 2}, {3}}))
                .as("ragged y").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Minibatch(new int[1][0], new int[1][0])).as("rows of no steps")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("Two vocabularies are equal, with equal hash codes, when they number the same tokens from the same "
            + "counts, and unequal when a token or a count differs")
    void vocabEquality() {
        var lines = List.of(List.of("a", "b", "a"), List.of("c", "a", "b"));
        var vocab = Vocab.of(lines);
        var same = Vocab.of(List.of(List.of("a", "b", "a", "c", "a", "b")));
        assertThat(vocab).as("the same tokens and counts, in other lines").isEqualTo(same);
        assertThat(vocab.hashCode()).isEqualTo(same.hashCode());
        assertThat(vocab).as("another token").isNotEqualTo(Vocab.of(List.of(List.of("a", "b", "a", "d", "a", "b"))));
        assertThat(vocab).as("the same numbering from other counts")
                .isNotEqualTo(Vocab.of(List.of(List.of("a", "b", "a", "c", "a", "b", "a"))));
        assertThat(vocab).as("the same numbering without counts").isNotEqualTo(Vocab.fromTokens(vocab.idxToToken()));
        assertThat(vocab).as("not a vocabulary").isNotEqualTo(vocab.idxToToken());
    }

    @Test
    @DisplayName("A vocabulary prints its size and at most its first ten tokens")
    void vocabPrintsItsStart() {
        var small = Vocab.of(List.of(List.of("x", "y")));
        assertThat(small.toString()).as("3 tokens").contains("3").contains("<unk> x y").doesNotContain("...");
        var letters = "abcdefghijklmno".chars().mapToObj(Character::toString).toList();
        var large = Vocab.of(List.of(letters));
        assertThat(large.toString()).as("16 tokens").contains("16").contains("<unk> a b c d e f g h i")
                .doesNotContain(" j").contains("...");
    }

    @Test
    @DisplayName("toTokens maps indices back to their tokens, 0 to <unk>")
    void toTokensMapsIndicesBack() {
        var vocab = Vocab.of(List.of(List.of("x", "y", "x")));
        assertThat(vocab.toTokens(new int[] {1, 2, 0})).as("indices 1, 2, 0 of the vocabulary <unk> x y")
                .containsExactly("x", "y", Vocab.UNK);
    }

    @Test
    @DisplayName("tokenAt refuses an index below 0 or equal to the size, naming it, and accepts size − 1")
    void tokenAtRange() {
        var vocab = Vocab.of(List.of(List.of("x", "y", "x")));
        assertThat(vocab.tokenAt(vocab.size() - 1)).as("the last index").isEqualTo("y");
        for (int bad : new int[] {-1, vocab.size()}) {
            assertThatThrownBy(() -> vocab.tokenAt(bad)).as("index %d of %d", bad, vocab.size())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(bad));
        }
    }

    @Test
    @DisplayName("min_freq keeps a token occurring exactly min_freq times")
    void minFreqIsInclusive() {
        var vocab = Vocab.of(List.of(List.of("a", "a", "b", "b", "b", "c")), 2, List.of());
        assertThat(vocab.idxToToken()).as("a occurs 2 times, b 3, c once; min_freq 2")
                .containsExactly(Vocab.UNK, "b", "a");
        assertThat(vocab.tokenFreqs()).as("the counts include the token left out").hasSize(3);
    }

    @Test
    @DisplayName("Two corpora are equal, with equal hash codes, when their ids and vocabularies are; one id makes "
            + "them differ")
    void corpusEquality() {
        var a = Corpus.loadCorpus(List.of("abcab"), TokenKind.CHAR, -1);
        var b = Corpus.loadCorpus(List.of("abc", "ab"), TokenKind.CHAR, -1);
        assertThat(a).as("the same text in two lines").isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(a.numTokens()).isEqualTo(5);
        assertThat(a).as("one token fewer").isNotEqualTo(Corpus.loadCorpus(List.of("abcab"), TokenKind.CHAR, 4));
        assertThat(a).as("other counts").isNotEqualTo(new Corpus(a.ids(), Vocab.of(List.of(List.of("a", "b", "c")))));
        assertThat(a).as("not a corpus").isNotEqualTo(a.vocab());
        assertThat(a.toString()).as("printed").contains("5 tokens");
    }

    @Test
    @DisplayName("Hash codes spread: twenty different minibatches, vocabularies or corpora do not all share one hash code")
    void hashCodesSpread() {
        var minibatches = new java.util.HashSet<Integer>();
        var vocabs = new java.util.HashSet<Integer>();
        var corpora = new java.util.HashSet<Integer>();
        for (int k = 0; k < 20; k++) {
            minibatches.add(new Minibatch(ids(2, 3, k), ids(2, 3, k + 100)).hashCode());
            var text = "ab".repeat(k + 1) + "c";
            vocabs.add(Vocab.of(List.of(List.of(text.split("")))).hashCode());
            corpora.add(Corpus.loadCorpus(List.of(text), TokenKind.CHAR, -1).hashCode());
        }
        assertThat(minibatches).as("hash codes of 20 random minibatches").hasSizeGreaterThan(1);
        assertThat(vocabs).as("hash codes of 20 vocabularies with different counts").hasSizeGreaterThan(1);
        assertThat(corpora).as("hash codes of 20 corpora of different lengths").hasSizeGreaterThan(1);
    }

    @Test
    @DisplayName("A vocabulary of exactly ten tokens prints all of them, with nothing left out")
    void tenTokensPrintWhole() {
        var vocab = Vocab.of(List.of("abcdefghi".chars().mapToObj(Character::toString).toList()));
        assertThat(vocab.size()).isEqualTo(10);
        assertThat(vocab.toString()).contains("<unk> a b c d e f g h i").doesNotContain("...");
    }
}
