package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import rnnscratch.testing.Props;
import rnnscratch.text.TokenKind;
import rnnscratch.text.Tokenize;
import rnnscratch.text.Vocab;

/** Exercise 04: tokenize and build a Vocab. Docs: docs/text-pipeline.md */
@Tag("exercise")
@Tag("ex04")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex04TokenizeVocabTest {
    private static final String[] ALPHABET = {"a", "b", "c", " ", " ", "\t", "汉", "🙂"};

    /** Up to {@code count} random lines of letters, spaces, tabs, a Chinese character and an emoji. */
    static List<String> randomLines(int count, long seed) {
        var rng = new Random(seed);
        var lines = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            var sb = new StringBuilder();
            int length = rng.nextInt(13);
            for (int j = 0; j < length; j++) {
                sb.append(ALPHABET[rng.nextInt(ALPHABET.length)]);
            }
            lines.add(sb.toString());
        }
        return lines;
    }

    @Test
    @Order(1)
    @DisplayName("Worked example: words, characters (an emoji is one character) and the vocabulary by count")
    void workedExample() {
        var lines = List.of("the cat", "sat  on the mat", "");
        var words = Ex04TokenizeVocab.tokenize(lines, TokenKind.WORD);
        assertThat(words).as("Exercise 04: the words of \"the cat\", \"sat  on the mat\" (two spaces) and \"\" "
                + "(an empty line): split at runs of whitespace, so two spaces make no empty word and an empty line has "
                + "no words")
                .isEqualTo(List.of(List.of("the", "cat"), List.of("sat", "on", "the", "mat"), List.of()));
        assertThat(Ex04TokenizeVocab.tokenize(List.of("汉🙂a"), TokenKind.CHAR))
                .as("Exercise 04: the characters of \"汉🙂a\" (use code points: 🙂 is two Java chars but one character)")
                .isEqualTo(List.of(List.of("汉", "🙂", "a")));
        assertThat(Ex04TokenizeVocab.vocabTokens(List.of(List.of("a", "b", "a")), 2))
                .as("Exercise 04: index 0 is <unk>, the unknown token, before every token of the text (the book's "
                        + "idx_to_token starts as ['<unk>'])")
                .startsWith("<unk>");
        assertThat(Ex04TokenizeVocab.vocabTokens(List.of(List.of("a", "b", "a")), 2))
                .as("Exercise 04: 'a' occurs exactly 2 = minFreq times, so it stays (count ≥ minFreq, not >)")
                .isEqualTo(List.of("<unk>", "a"));
        assertThat(Ex04TokenizeVocab.vocabTokens(words, 1))
                .as("Exercise 04: with minFreq 1 every token seen at least once stays: <unk>, then 'the' (twice), "
                        + "then the others in order of first appearance")
                .isEqualTo(List.of("<unk>", "the", "cat", "sat", "on", "mat"));
        assertThat(Ex04TokenizeVocab.vocabTokens(words, 2)).as("Exercise 04: with minFreq 2 only 'the' stays")
                .isEqualTo(List.of("<unk>", "the"));
    }

    @Test
    @Order(2)
    @DisplayName("Tokenizing gives the library's tokens, by characters and by words")
    void tokenizeMatchesTheLibrary() {
        Props.qt().forAll(integers().between(0, 5), longs().all()).checkAssert((count, seed) -> {
            var lines = randomLines(count, seed);
            for (var kind : TokenKind.values()) {
                assertThat(Ex04TokenizeVocab.tokenize(lines, kind))
                        .as("Exercise 04: tokenize(%s, %s)", lines, kind)
                        .isEqualTo(Tokenize.tokenize(lines, kind));
            }
        });
    }

    @Test
    @Order(3)
    @DisplayName("The vocabulary lists the library's tokens in the library's order")
    void vocabularyMatchesTheLibrary() {
        Props.qt().forAll(integers().between(0, 5), longs().all(), integers().between(0, 3))
                .checkAssert((count, seed, minFreq) -> {
                    var tokens = Tokenize.tokenize(randomLines(count, seed), TokenKind.CHAR);
                    assertThat(Ex04TokenizeVocab.vocabTokens(tokens, minFreq))
                            .as("Exercise 04: vocabTokens(%s, minFreq = %s)", tokens, minFreq)
                            .isEqualTo(Vocab.of(tokens, minFreq, List.of()).idxToToken());
                });
    }

    @Test
    @Order(4)
    @DisplayName("After <unk>, counts never rise along the vocabulary, and every kept token occurs minFreq times")
    void countsFallAlongTheVocabulary() {
        Props.qt().forAll(integers().between(1, 5), longs().all(), integers().between(0, 3))
                .checkAssert((count, seed, minFreq) -> {
                    var tokens = Tokenize.tokenize(randomLines(count, seed), TokenKind.CHAR);
                    var counts = new HashMap<String, Integer>();
                    tokens.forEach(line -> line.forEach(t -> counts.merge(t, 1, Integer::sum)));
                    var vocab = Ex04TokenizeVocab.vocabTokens(tokens, minFreq);
                    assertThat(vocab).as("Exercise 04: the vocabulary starts with <unk>").startsWith("<unk>");
                    for (int i = 1; i < vocab.size(); i++) {
                        int c = counts.getOrDefault(vocab.get(i), 0);
                        assertThat(c).as("Exercise 04: '%s' at index %s of %s occurs %s times", vocab.get(i), i,
                                vocab, c).isGreaterThanOrEqualTo(Math.max(1, minFreq));
                        if (i > 1) {
                            assertThat(c).as("Exercise 04: counts must not rise: '%s' (%s times) comes after '%s'",
                                    vocab.get(i), c, vocab.get(i - 1))
                                    .isLessThanOrEqualTo(counts.get(vocab.get(i - 1)));
                        }
                    }
                });
    }
}
