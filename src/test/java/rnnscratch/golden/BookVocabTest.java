package rnnscratch.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.io.Npz;
import rnnscratch.text.TextFiles;
import rnnscratch.text.TokenKind;
import rnnscratch.text.Tokenize;
import rnnscratch.text.Vocab;

/**
 * The book's {@code Vocab(tokens, min_freq, reserved_tokens)} token for token: every expected value was computed by
 * {@code Vocab} of {@code ../shared/reference/d2l_rnn.py}, by {@code src/test/python/parts_golden.py}, into
 * {@code golden/parts/vocab.npz}. Sources: the edge-case fixture's char and word tokens, and a small list with ties,
 * an empty line, a literal {@code <unk>} and tokens that are also reserved.
 */
class BookVocabTest {
    private static final Npz GOLDEN = Parts.load("vocab");
    private static final Path EDGE_CASES = Path.of("src/test/resources/rnnscratch/text/edge-cases.txt");

    @Test
    @DisplayName("The edge-case file tokenizes (char and word) into the book's tokens")
    void edgeCaseTokensAreTheBooks() {
        var lines = TextFiles.readLines(EDGE_CASES);
        assertThat(Tokenize.tokenize(lines, TokenKind.CHAR)).as("char tokens of edge-cases.txt")
                .isEqualTo(tokens("edge-char"));
        assertThat(Tokenize.tokenize(lines, TokenKind.WORD)).as("word tokens of edge-cases.txt")
                .isEqualTo(tokens("edge-word"));
    }

    @Test
    @DisplayName("token_freqs is the book's: by descending count, ties in order of first occurrence")
    void tokenFreqsAreTheBooks() {
        for (var source : List.of("edge-char", "edge-word", "ties")) {
            var ours = Vocab.of(tokens(source)).tokenFreqs().stream().map(tf -> tf.token() + "\t" + tf.freq())
                    .toList();
            assertThat(ours).as("token_freqs of %s, as 'token<TAB>count'", source)
                    .containsExactlyElementsOf(lines(GOLDEN.text(source + ".freqs.txt")));
        }
    }

    @Test
    @DisplayName("For every min_freq and reserved tokens, idx_to_token and every token's id are the book's")
    void vocabulariesAreTheBooks() {
        var cases = lines(GOLDEN.text("cases.txt"));
        assertThat(cases).as("cases in vocab.npz").hasSize(18);
        for (var line : cases) {
            var f = line.split("\t", -1);
            String name = f[0];
            int minFreq = Integer.parseInt(f[1]);
            List<String> reserved = f[2].isEmpty() ? List.of() : List.of(f[2].split(","));
            var tokens = tokens(name.substring(0, name.lastIndexOf('.')));
            var vocab = Vocab.of(tokens, minFreq, reserved);
            assertThat(vocab.idxToToken())
                    .as("%s: Vocab(tokens, min_freq=%d, reserved_tokens=%s).idx_to_token", name, minFreq, reserved)
                    .containsExactlyElementsOf(lines(GOLDEN.text(name + ".vocab.txt")));
            int[] ids = vocab.indices(tokens.stream().flatMap(List::stream).toList());
            assertThat(ids).as("%s: vocab[token] of every token in order (unknown tokens give 0)", name)
                    .containsExactly(GOLDEN.ints(name + ".ids"));
        }
    }

    /** The stored token lines: one line per text line, tokens separated by tabs (an empty line has none). */
    private static List<List<String>> tokens(String source) {
        var result = new ArrayList<List<String>>();
        for (var line : lines(GOLDEN.text(source + ".tokens.txt"))) {
            result.add(line.isEmpty() ? List.of() : Arrays.asList(line.split("\t", -1)));
        }
        return result;
    }

    /** Lines ended by '\n' (and only '\n': a char token may be a space). */
    private static List<String> lines(String text) {
        var parts = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        assertThat(parts.remove(parts.size() - 1)).as("the text ends with a newline").isEmpty();
        return parts;
    }
}
