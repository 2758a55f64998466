package rnnscratch.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Token for token and batch for batch the book's results: every expected value below was computed by the book's own
 * Python functions (read_lines, tokenize, Vocab, load_corpus, seq_data_iter_*) in
 * ../shared/reference/d2l_rnn.py, by src/test/python/text_golden.py, which also defines the digests.
 */
class BookGoldenTest {

    private static final Path EDGE_CASES = Path.of("src/test/resources/rnnscratch/text/edge-cases.txt");

    @Test
    @DisplayName("The edge-case file (CRLF, lone CR, tabs, digits, accents, Chinese, no final newline) reads as the book reads it")
    void edgeCaseLinesAreTheBooks() {
        assertThat(TextFiles.readLines(EDGE_CASES)).containsExactly("the lighthouse a test text parts",
                "part the keeper counted ships seven he said", "", "a lone cr follows", "then the next line",
                "leading spaces trailing dots", "", "caf au lait na ve fa ade stra e",
                "chinese kept only in keep mode", "wells i was himself", "no newline at the end");
    }

    @Test
    @DisplayName("The edge-case file's character vocabulary and corpus are the book's")
    void edgeCaseCharCorpusIsTheBooks() {
        var corpus = Corpus.loadCorpus(TextFiles.readLines(EDGE_CASES), TokenKind.CHAR, -1);
        assertThat(corpus.vocab().idxToToken()).containsExactly("<unk>", " ", "e", "t", "a", "s", "n", "l", "i",
                "h", "o", "p", "d", "r", "c", "f", "w", "g", "u", "k", "x", "v", "m", "y");
        assertThat(corpus.ids()).containsExactly(3, 9, 2, 1, 7, 8, 17, 9, 3, 9, 10, 18, 5, 2, 1, 4, 1, 3, 2, 5, 3, 1,
                3, 2, 20, 3, 1, 11, 4, 13, 3, 5, 11, 4, 13, 3, 1, 3, 9, 2, 1, 19, 2, 2, 11, 2, 13, 1, 14, 10, 18, 6, 3,
                2, 12, 1, 5, 9, 8, 11, 5, 1, 5, 2, 21, 2, 6, 1, 9, 2, 1, 5, 4, 8, 12, 4, 1, 7, 10, 6, 2, 1, 14, 13, 1,
                15, 10, 7, 7, 10, 16, 5, 3, 9, 2, 6, 1, 3, 9, 2, 1, 6, 2, 20, 3, 1, 7, 8, 6, 2, 7, 2, 4, 12, 8, 6, 17,
                1, 5, 11, 4, 14, 2, 5, 1, 3, 13, 4, 8, 7, 8, 6, 17, 1, 12, 10, 3, 5, 14, 4, 15, 1, 4, 18, 1, 7, 4, 8,
                3, 1, 6, 4, 1, 21, 2, 1, 15, 4, 1, 4, 12, 2, 1, 5, 3, 13, 4, 1, 2, 14, 9, 8, 6, 2, 5, 2, 1, 19, 2, 11,
                3, 1, 10, 6, 7, 23, 1, 8, 6, 1, 19, 2, 2, 11, 1, 22, 10, 12, 2, 16, 2, 7, 7, 5, 1, 8, 1, 16, 4, 5, 1,
                9, 8, 22, 5, 2, 7, 15, 6, 10, 1, 6, 2, 16, 7, 8, 6, 2, 1, 4, 3, 1, 3, 9, 2, 1, 2, 6, 12);
    }

    @Test
    @DisplayName("The edge-case file's word vocabulary and corpus are the book's")
    void edgeCaseWordCorpusIsTheBooks() {
        var corpus = Corpus.loadCorpus(TextFiles.readLines(EDGE_CASES), TokenKind.WORD, -1);
        assertThat(corpus.vocab().idxToToken()).containsExactly("<unk>", "the", "a", "lighthouse", "test", "text",
                "parts", "part", "keeper", "counted", "ships", "seven", "he", "said", "lone", "cr", "follows", "then",
                "next", "line", "leading", "spaces", "trailing", "dots", "caf", "au", "lait", "na", "ve", "fa", "ade",
                "stra", "e", "chinese", "kept", "only", "in", "keep", "mode", "wells", "i", "was", "himself", "no",
                "newline", "at", "end");
        assertThat(corpus.ids()).containsExactly(1, 3, 2, 4, 5, 6, 7, 1, 8, 9, 10, 11, 12, 13, 2, 14, 15, 16, 17, 1,
                18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43,
                44, 45, 1, 46);
    }

    @Test
    @DisplayName("The edge-case file's sequential minibatches (batch 2 x 3 steps) are the book's for offsets 0, 2, 3")
    void edgeCaseSequentialBatchesAreTheBooks() {
        var ids = Corpus.loadCorpus(TextFiles.readLines(EDGE_CASES), TokenKind.CHAR, -1).ids();
        assertThat(digest(SeqDataIter.seqDataIterSequential(ids, 2, 3, 0)))
                .isEqualTo("49ab4cc81d92b5549e61f0cac2a013cd3e2d90f3");
        assertThat(digest(SeqDataIter.seqDataIterSequential(ids, 2, 3, 2)))
                .isEqualTo("b59b1a7b6886eb8d33ebd7f82820c333fee38e73");
        assertThat(digest(SeqDataIter.seqDataIterSequential(ids, 2, 3, 3)))
                .isEqualTo("ce3aebd8830d575b933ebeb91efd461759558c4c");
    }

    @Test
    @DisplayName("The Time Machine: character and word corpus and vocabulary are the book's, token for token")
    void timeMachineCorporaAreTheBooks() throws IOException {
        var lines = CorpusTextTestFiles.timeMachineOrSkip().lines(Preprocess.D2L);
        var golden = golden();
        for (var token : TokenKind.values()) {
            var name = token.name().toLowerCase(java.util.Locale.ROOT);
            var corpus = Corpus.loadCorpus(lines, token, -1);
            assertThat(corpus.numTokens() + " " + sha1(join(corpus.ids())))
                    .as("%s corpus: length and digest", name).isEqualTo(golden.get(name + ".corpus"));
            assertThat(corpus.vocab().size() + " " + sha1(String.join("\n", corpus.vocab().idxToToken())))
                    .as("%s vocabulary: size and digest", name).isEqualTo(golden.get(name + ".vocab"));
        }
    }

    @Test
    @DisplayName("The Time Machine: both iterators give the book's minibatches, batch for batch, for offsets Python drew")
    void timeMachineMinibatchesAreTheBooks() throws IOException {
        var ids = Corpus.loadCorpus(CorpusTextTestFiles.timeMachineOrSkip().lines(Preprocess.D2L), TokenKind.CHAR,
                Corpus.DEFAULT_MAX_TOKENS).ids();
        var replays = goldenLines().stream().filter(l -> l.startsWith("sequential ") || l.startsWith("random ")).toList();
        assertThat(replays).hasSize(5);
        for (var replay : replays) {
            var f = replay.split(" ");
            int batch = Integer.parseInt(f[1]);
            int steps = Integer.parseInt(f[2]);
            int offset = Integer.parseInt(f[3]);
            var batches = f[0].equals("sequential")
                    ? SeqDataIter.seqDataIterSequential(ids, batch, steps, offset)
                    : SeqDataIter.seqDataIterRandom(ids, batch, steps, offset,
                            Arrays.stream(f[5].split(",")).mapToInt(Integer::parseInt).toArray());
            assertThat(batches).as("%s offset %d: 8 minibatches", f[0], offset).hasSize(8);
            assertThat(digest(batches)).as("%s iterator, offset %d", f[0], offset).isEqualTo(f[4]);
        }
    }

    /** The digest text_golden.py computes: rows of X then of Y per minibatch, indices space-separated, one row a line. */
    static String digest(List<Minibatch> batches) {
        var text = new StringBuilder();
        for (var b : batches) {
            for (var m : List.of(b.x(), b.y())) {
                for (var row : m) {
                    text.append(join(row)).append('\n');
                }
            }
        }
        return sha1(text.toString());
    }

    private static String join(int[] ids) {
        return IntStream.of(ids).mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lines of timemachine-golden.txt, comments left out. */
    private static List<String> goldenLines() throws IOException {
        try (InputStream in = BookGoldenTest.class.getResourceAsStream("timemachine-golden.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                    .toList();
        }
    }

    /** "char.corpus" -> "170580 <sha1>", and so on. */
    private static Map<String, String> golden() throws IOException {
        return goldenLines().stream().filter(l -> l.contains(".")).map(l -> l.split(" ", 2))
                .collect(Collectors.toMap(f -> f[0], f -> f[1]));
    }
}
