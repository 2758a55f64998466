package rnnscratch.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import rnnscratch.testing.Props;

/** d2l's Vocab: {@code <unk>} first, then reserved tokens, then the corpus tokens by descending frequency. */
class VocabTest {

    /** Tokenized lines over a small alphabet, so that tokens repeat and frequencies tie. */
    private static Gen<List<List<String>>> lines() {
        return lists().of(lists().of(strings().betweenCodePoints('a', 'f').ofLengthBetween(1, 2))
                .ofSizeBetween(0, 12)).ofSizeBetween(0, 8);
    }

    private static Map<String, Integer> counts(List<List<String>> lines) {
        var counts = new HashMap<String, Integer>();
        lines.forEach(line -> line.forEach(t -> counts.merge(t, 1, Integer::sum)));
        return counts;
    }

    private static int firstOccurrence(List<List<String>> lines, String token) {
        return lines.stream().flatMap(List::stream).toList().indexOf(token);
    }

    @Test
    @DisplayName("count_corpus counts every token as often as it occurs, listed in the order of first occurrence")
    void countCorpusCountsInOrderOfFirstOccurrence() {
        Props.qt().forAll(lines()).checkAssert(lines -> {
            var counted = Vocab.countCorpus(lines);
            assertThat(counted).as("count_corpus(%s)", lines).isEqualTo(counts(lines));
            assertThat(List.copyOf(counted.keySet()))
                    .as("the tokens of %s in the order they first occur, as a Counter keeps them", lines)
                    .isEqualTo(lines.stream().flatMap(List::stream).distinct().toList());
        });
    }

    @Test
    @DisplayName("Index 0 is <unk>, then the reserved tokens in order")
    void unkThenReserved() {
        Props.qt().forAll(lines()).checkAssert(lines -> {
            var vocab = Vocab.of(lines, 0, List.of("<pad>", "<bos>", "a"));
            assertThat(vocab.idxToToken().subList(0, 4)).containsExactly("<unk>", "<pad>", "<bos>", "a");
            assertThat(vocab.idxToToken()).as("a reserved token that also occurs is listed once")
                    .doesNotHaveDuplicates();
        });
    }

    @Test
    @DisplayName("Frequencies never increase along the index order, and ties keep the order of first occurrence")
    void frequenciesNeverIncreaseAndTiesKeepFirstOccurrence() {
        Props.qt().forAll(lines()).checkAssert(lines -> {
            var counts = counts(lines);
            var tokens = Vocab.of(lines).idxToToken();
            for (int i = 2; i < tokens.size(); i++) {
                String before = tokens.get(i - 1);
                String after = tokens.get(i);
                assertThat(counts.get(after)).as("'%s' (index %d) cannot be more frequent than '%s'", after, i, before)
                        .isLessThanOrEqualTo(counts.get(before));
                if (counts.get(after).equals(counts.get(before))) {
                    assertThat(firstOccurrence(lines, after))
                            .as("'%s' and '%s' tie, so the one seen first in the corpus comes first", before, after)
                            .isGreaterThan(firstOccurrence(lines, before));
                }
            }
            assertThat(tokens).as("every distinct token of the corpus, plus <unk>").hasSize(counts.size() + 1);
        });
    }

    @Test
    @DisplayName("token -> index -> token is the identity for known tokens")
    void tokenToIndexToTokenIsIdentity() {
        Props.qt().forAll(lines()).checkAssert(lines -> {
            var vocab = Vocab.of(lines, 0, List.of("<pad>"));
            for (var token : vocab.idxToToken()) {
                assertThat(vocab.tokenAt(vocab.indexOf(token))).isEqualTo(token);
            }
            var all = lines.stream().flatMap(List::stream).toList();
            assertThat(vocab.toTokens(vocab.indices(all))).isEqualTo(all);
        });
    }

    @Test
    @DisplayName("Unknown tokens map to index 0")
    void unknownTokensMapToZero() {
        Props.qt().forAll(lines(), strings().betweenCodePoints('g', 'z').ofLengthBetween(1, 3))
                .checkAssert((lines, unknown) -> assertThat(Vocab.of(lines).indexOf(unknown)).isZero());
    }

    @Test
    @DisplayName("min_freq drops exactly the tokens rarer than it")
    void minFreqDropsExactlyTheRareTokens() {
        Props.qt().forAll(lines(), integers().between(0, 6)).checkAssert((lines, minFreq) -> {
            var vocab = Vocab.of(lines, minFreq, List.of());
            counts(lines).forEach((token, count) -> assertThat(vocab.indexOf(token) > 0)
                    .as("'%s' occurs %d times; min_freq is %d", token, count, minFreq)
                    .isEqualTo(count >= minFreq));
            assertThat(vocab.tokenFreqs()).as("token_freqs still counts every token")
                    .hasSize(counts(lines).size());
        });
    }

    @Test
    @DisplayName("A reserved token that is <unk> or given twice is a programming error")
    void badReservedTokensAreRefused() {
        assertThatThrownBy(() -> Vocab.of(List.of(), 0, List.of("<unk>"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Vocab.of(List.of(), 0, List.of("<pad>", "<pad>")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("The notes' example 我 喜欢 学习 is word-level: three words, three indices after <unk>")
    void notesExampleIsWordLevel() {
        var tokens = Tokenize.tokenize(List.of("我 喜欢 学习"), TokenKind.WORD);
        var vocab = Vocab.of(tokens);
        assertThat(vocab.idxToToken()).containsExactly("<unk>", "我", "喜欢", "学习");
        assertThat(vocab.indices(List.of("喜欢", "学习", "你"))).containsExactly(2, 3, 0);
    }

    @Test
    @DisplayName("A vocabulary rebuilt from its token list numbers every token as the original does")
    void fromTokensNumbersTokensAsTheOriginal() {
        Props.qt().forAll(lines()).checkAssert(lines -> {
            var vocab = Vocab.of(lines, 0, List.of("<pad>"));
            var rebuilt = Vocab.fromTokens(vocab.idxToToken());
            assertThat(rebuilt.idxToToken()).as("the same tokens in the same order").isEqualTo(vocab.idxToToken());
            for (String token : vocab.idxToToken()) {
                assertThat(rebuilt.indexOf(token)).as("the index of '%s'", token).isEqualTo(vocab.indexOf(token));
            }
            assertThat(rebuilt.indexOf("never seen")).as("an unknown token still maps to <unk>").isZero();
            assertThat(rebuilt.tokenFreqs()).as("a token list carries no counts").isEmpty();
        });
    }

    @Test
    @DisplayName("A token list that does not start with <unk>, holds an empty token or repeats a token is refused")
    void fromTokensRefusesBadLists() {
        assertThatThrownBy(() -> Vocab.fromTokens(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<unk>");
        assertThatThrownBy(() -> Vocab.fromTokens(List.of("a", "<unk>"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first token");
        assertThatThrownBy(() -> Vocab.fromTokens(List.of("<unk>", " ", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token 2 is empty");
        assertThatThrownBy(() -> Vocab.fromTokens(List.of("<unk>", "e", " ", "e")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1 and again at index 3");
    }
}
