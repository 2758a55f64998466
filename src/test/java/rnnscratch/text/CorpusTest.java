package rnnscratch.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.UserException;
import rnnscratch.testing.Props;

/** The book's load_corpus_time_machine for any lines: vocabulary from the whole text, corpus cut to max_tokens. */
class CorpusTest {

    @Test
    @DisplayName("Lines are joined with no separator, as in the book (its text contains \"wellsi\")")
    void linesAreJoinedWithNoSeparator() {
        var corpus = Corpus.loadCorpus(List.of("by h g wells", "", "i"), TokenKind.CHAR, -1);
        var text = String.join("", corpus.vocab().toTokens(corpus.ids()));
        assertThat(text).isEqualTo("by h g wellsi");
    }

    @Test
    @DisplayName("The vocabulary is built from the whole text; only then is the corpus cut to max_tokens")
    void vocabularyFromWholeTextThenCut() {
        Props.qt().forAll(lists().of(strings().betweenCodePoints('a', 'h').ofLengthBetween(0, 10)).ofSizeBetween(1, 8),
                        integers().between(1, 40))
                .checkAssert((lines, maxTokens) -> {
                    var all = Corpus.loadCorpus(lines, TokenKind.CHAR, -1);
                    var cut = Corpus.loadCorpus(lines, TokenKind.CHAR, maxTokens);
                    assertThat(cut.vocab()).as("the same vocabulary with or without max_tokens").isEqualTo(all.vocab());
                    assertThat(cut.ids()).as("the first min(max_tokens, all) indices")
                            .isEqualTo(java.util.Arrays.copyOf(all.ids(), Math.min(maxTokens, all.numTokens())));
                });
    }

    @Test
    @DisplayName("keep mode models any language: a Chinese text, character by character")
    void keepModeChineseByCharacter() {
        var lines = CorpusTextTestFiles.text("学习，学习，再学习。\r\n我 喜欢\n").lines(Preprocess.KEEP);
        var corpus = Corpus.loadCorpus(lines, TokenKind.CHAR, -1);
        assertThat(corpus.vocab().idxToToken()).containsExactly("<unk>", "学", "习", "，", "再", "。", "我", " ", "喜", "欢");
        assertThat(corpus.numTokens()).as("line breaks dropped, every other character kept").isEqualTo(14);
    }

    @Test
    @DisplayName("max_tokens is a positive count or -1 for all; 0 or below -1 is a clear error")
    void maxTokensMustBePositiveOrMinusOne() {
        assertThatThrownBy(() -> Corpus.loadCorpus(List.of("abc"), TokenKind.CHAR, 0))
                .isInstanceOf(UserException.class).hasMessageContaining("max tokens 0")
                .hasMessageContaining("use a count >= 1, or -1 for the whole text");
        assertThatThrownBy(() -> Corpus.loadCorpus(List.of("abc"), TokenKind.CHAR, -2))
                .isInstanceOf(UserException.class);
    }

    @Test
    @DisplayName("A corpus cannot be changed through the array it was made from or the one it returns")
    void corpusIsImmutable() {
        var ids = new int[] {1, 2, 3};
        var corpus = new Corpus(ids, Vocab.of(List.of()));
        ids[0] = 9;
        corpus.ids()[1] = 9;
        assertThat(corpus.ids()).containsExactly(1, 2, 3);
    }
}
