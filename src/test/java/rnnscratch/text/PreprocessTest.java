package rnnscratch.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.UserException;
import rnnscratch.testing.Props;

/** The book's line preprocessing, and the keep mode for other languages. */
class PreprocessTest {

    @Test
    @DisplayName("d2l: runs of non-letters become one space, then the line is stripped and lower-cased")
    void d2lKeepsLowerCaseLettersSeparatedBySingleSpaces() {
        assertThat(Preprocess.D2L.apply("  The Time-Machine, by H. G. Wells [1898]  "))
                .isEqualTo("the time machine by h g wells");
        assertThat(Preprocess.D2L.apply("Café\tnaïve")).as("accented letters are not A-Z").isEqualTo("caf na ve");
        Props.qt().forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(line ->
                assertThat(Preprocess.D2L.apply(line))
                        .as("only a-z words separated by single spaces survive")
                        .matches("([a-z]+( [a-z]+)*)?"));
    }

    @Test
    @DisplayName("d2l: the letters of the line survive in order, lower-cased")
    void d2lKeepsEveryLetterInOrder() {
        Props.qt().forAll(strings().ascii().ofLengthBetween(0, 40)).checkAssert(line ->
                assertThat(Preprocess.D2L.apply(line).replace(" ", ""))
                        .isEqualTo(line.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT)));
    }

    @Test
    @DisplayName("keep: the line is left exactly as it is")
    void keepLeavesTheLineAlone() {
        Props.qt().forAll(strings().allPossible().ofLengthBetween(0, 40))
                .checkAssert(line -> assertThat(Preprocess.KEEP.apply(line)).isEqualTo(line));
    }

    @Test
    @DisplayName("The command-line names d2l/keep and char/word parse; anything else is a clear error")
    void namesParse() {
        assertThat(Preprocess.parse("d2l")).isEqualTo(Preprocess.D2L);
        assertThat(Preprocess.parse("KEEP")).isEqualTo(Preprocess.KEEP);
        assertThat(TokenKind.parse("char")).isEqualTo(TokenKind.CHAR);
        assertThat(TokenKind.parse("Word")).isEqualTo(TokenKind.WORD);
        assertThatThrownBy(() -> Preprocess.parse("lower")).isInstanceOf(UserException.class)
                .hasMessageContaining("'lower'").hasMessageContaining("use d2l (the book's, letters only) or keep");
        assertThatThrownBy(() -> TokenKind.parse("byte")).isInstanceOf(UserException.class)
                .hasMessageContaining("'byte'").hasMessageContaining("use char or word");
    }
}
