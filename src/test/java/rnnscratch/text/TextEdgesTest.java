package rnnscratch.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.UserException;

/** The text pipeline at its edges: line ends, whitespace, odd paths, the cache. Docs: docs/text-pipeline.md */
class TextEdgesTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @TempDir
    Path dir;

    @Test
    @DisplayName("A line break at the very end of the text, \\r or \\r\\n or \\n, ends the last line and starts no new one")
    void breakAtTheEnd() {
        assertThat(TextFiles.splitLines("a\r")).containsExactly("a");
        assertThat(TextFiles.splitLines("\r")).containsExactly("");
        assertThat(TextFiles.splitLines("a\r\n")).containsExactly("a");
        assertThat(TextFiles.splitLines("a\n\r")).containsExactly("a", "");
        assertThat(TextFiles.splitLines("")).isEmpty();
    }

    @Test
    @DisplayName("word: U+0085 (next line) separates words, as Python's str.isspace() says it is white space")
    void nextLineSeparatesWords() {
        assertThat(Tokenize.tokenize(List.of("time\u0085machine"), TokenKind.WORD))
                .containsExactly(List.of("time", "machine"));
        assertThat(Tokenize.tokenize(List.of("time\u00a0machine\u2003x"), TokenKind.WORD))
                .as("no-break space and em space").containsExactly(List.of("time", "machine", "x"));
    }

    @Test
    @DisplayName("The root folder as a corpus is refused like any folder, as a UserException")
    void rootFolderIsRefused() {
        var root = dir.getRoot();
        assertThatThrownBy(() -> CorpusText.fromFile(root)).as("the corpus %s", root)
                .isInstanceOf(UserException.class).hasMessageContaining(root.toString());
    }

    @Test
    @DisplayName("A file corpus is named by its file name and read whole")
    void fileCorpusIsNamedByItsFileName() throws IOException {
        var file = dir.resolve("story.txt");
        Files.writeString(file, "Once upon\na time\n");
        var text = CorpusText.fromFile(file);
        assertThat(text.name()).isEqualTo("story.txt");
        assertThat(text.text()).isEqualTo("Once upon\na time\n");
        assertThat(text.notice()).isEmpty();
    }

    @Test
    @DisplayName("Replaying given starts refuses a batch size or num_steps below 1, as the iterators do")
    void replayChecksSizes() {
        var corpus = java.util.stream.IntStream.range(0, 50).toArray();
        assertThatThrownBy(() -> SeqDataIter.seqDataIterRandom(corpus, 0, 3, 0, new int[] {0, 3}))
                .as("batch size 0").isInstanceOf(UserException.class);
        assertThatThrownBy(() -> SeqDataIter.seqDataIterRandom(corpus, 1, 0, 0, new int[] {0, 3}))
                .as("0 steps").isInstanceOf(UserException.class);
    }

    @Test
    @DisplayName("max_tokens −1 keeps the whole text, and a max_tokens above its length keeps it whole too")
    void maxTokensKeepsAll() {
        var lines = List.of("abcab", "ca");
        assertThat(Corpus.loadCorpus(lines, TokenKind.CHAR, -1).numTokens()).isEqualTo(7);
        assertThat(Corpus.loadCorpus(lines, TokenKind.CHAR, 7).numTokens()).isEqualTo(7);
        assertThat(Corpus.loadCorpus(lines, TokenKind.CHAR, 100).numTokens()).isEqualTo(7);
        assertThat(Corpus.loadCorpus(lines, TokenKind.CHAR, 1).ids()).containsExactly(1);
    }

    @Test
    @DisplayName("The Time Machine in the cache is read from there with the default server, with nothing to say")
    void cachedTimeMachineNeedsNoServer() throws IOException {
        var book = Path.of(CorpusTextTestFiles.timeMachineOrSkip().origin());
        Files.copy(book, TimeMachine.cacheFile(dir));
        var loaded = TimeMachine.load(dir);
        assertThat(loaded.name()).isEqualTo(TimeMachine.NAME);
        assertThat(loaded.notice()).isEmpty();
    }

    @Test
    @DisplayName("A download of exactly 64 MiB is kept; one byte more is refused as far larger than expected, naming the "
            + "limit, and leaves nothing behind")
    void downloadSizeLimit() throws IOException {
        long limit = 64L << 20;
        var exactly = new byte[(int) limit];
        java.util.Arrays.fill(exactly, (byte) 'a');
        var target = dir.resolve("big.txt");
        var slow = Duration.ofSeconds(20);
        try (var server = LoopbackServer.serving(exactly)) {
            Download.fetchVerified(server.url(), target, Download.sha1Hex(exactly), slow);
        }
        assertThat(Files.size(target)).as("a download of exactly the limit").isEqualTo(limit);
        Files.delete(target);
        var more = java.util.Arrays.copyOf(exactly, (int) limit + 1);
        more[(int) limit] = 'a';
        try (var server = LoopbackServer.serving(more)) {
            assertThatThrownBy(() -> Download.fetchVerified(server.url(), target, Download.sha1Hex(more), slow))
                    .as("a download one byte over the limit, with its own right SHA-1")
                    .isInstanceOf(IOException.class).hasMessageContaining(String.valueOf(limit));
        }
        try (var files = Files.list(dir)) {
            assertThat(files).as("nothing is left in the folder").isEmpty();
        }
    }
}
