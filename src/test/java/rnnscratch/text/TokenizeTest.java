package rnnscratch.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Props;

/** The book's tokenize: characters ({@code list(line)}) or words ({@code line.split()}). */
class TokenizeTest {

    @Test
    @DisplayName("char: one token per Unicode code point, so Chinese characters and emoji stay whole")
    void charTokensAreCodePoints() {
        assertThat(Tokenize.tokenize(List.of("时间机器", "a😀b", ""), TokenKind.CHAR)).containsExactly(
                List.of("时", "间", "机", "器"), List.of("a", "😀", "b"), List.of());
        Props.qt().forAll(strings().allPossible().ofLengthBetween(0, 30)).checkAssert(line -> {
            var tokens = Tokenize.tokenize(List.of(line), TokenKind.CHAR).get(0);
            assertThat(tokens).hasSize(line.codePointCount(0, line.length()));
            assertThat(String.join("", tokens)).as("joining the tokens gives the line back").isEqualTo(line);
        });
    }

    @Test
    @DisplayName("word: runs of whitespace separate words, as Python's str.split() does")
    void wordTokensSplitOnWhitespaceRuns() {
        assertThat(Tokenize.tokenize(List.of("  the time\tmachine  ", "", "a\u00A0b\u3000c"), TokenKind.WORD))
                .containsExactly(List.of("the", "time", "machine"), List.of(), List.of("a", "b", "c"));
    }

    @Test
    @DisplayName("word: on the book's preprocessed lines, words are what lies between single spaces")
    void wordTokensOfPreprocessedLines() {
        Props.qt().forAll(strings().ascii().ofLengthBetween(0, 40)).checkAssert(raw -> {
            var line = Preprocess.D2L.apply(raw);
            assertThat(Tokenize.tokenize(List.of(line), TokenKind.WORD).get(0))
                    .isEqualTo(line.isEmpty() ? List.of() : List.of(line.split(" ")));
        });
    }
}
