package rnnscratch.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.UserException;

/** The Time Machine's cache: downloaded once (here from a local server), checked by SHA-1, reused afterwards. */
class TimeMachineTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @TempDir
    Path cache;

    /** The book's file, to serve as the right bytes; the test is skipped when it is not on this machine. */
    private static byte[] rightBytes() throws IOException {
        var file = CorpusTextTestFiles.SHARED_TIME_MACHINE;
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "needs " + file.toAbsolutePath().normalize() + " to serve the right bytes: skipped");
        return Files.readAllBytes(file);
    }

    @Test
    @DisplayName("The cache folder is $RNN_SCRATCH_CACHE if set, else ~/.cache/rnn-scratch")
    void defaultCacheDir() {
        assertThat(TimeMachine.defaultCacheDir(Map.of("RNN_SCRATCH_CACHE", "/data/c"), "/home/s"))
                .isEqualTo(Path.of("/data/c"));
        assertThat(TimeMachine.defaultCacheDir(Map.of("RNN_SCRATCH_CACHE", " "), "/home/s"))
                .isEqualTo(Path.of("/home/s/.cache/rnn-scratch"));
        assertThat(TimeMachine.defaultCacheDir(Map.of(), "/home/s")).isEqualTo(Path.of("/home/s/.cache/rnn-scratch"));
    }

    @Test
    @DisplayName("Downloaded once, verified, and then read from the cache without asking the server again")
    void downloadedOnceThenReused() throws IOException {
        var bytes = rightBytes();
        try (var server = LoopbackServer.serving(bytes)) {
            var first = TimeMachine.load(cache, server.url(), TIMEOUT);
            assertThat(first.name()).isEqualTo("The Time Machine");
            assertThat(first.notice()).as("the notice names the source and the cache file, and nothing else")
                    .hasValue("Downloaded The Time Machine from " + server.url() + " into "
                            + TimeMachine.cacheFile(cache));
            var second = TimeMachine.load(cache, server.url(), TIMEOUT);
            assertThat(second.notice()).as("nothing to say when the cache is used").isEmpty();
            assertThat(second.text()).isEqualTo(first.text());
            assertThat(server.requests()).as("the second load reads the cache").isEqualTo(1);
        }
        assertThat(TimeMachine.cacheFile(cache)).hasBinaryContent(bytes);
    }

    @Test
    @DisplayName("A cached file with another SHA-1 is kept aside, not deleted, and the book's text downloaded into its "
            + "place; the notice says where it is")
    void otherCachedFileIsKeptAside() throws IOException {
        var bytes = rightBytes();
        Files.writeString(TimeMachine.cacheFile(cache), "my own notes");
        try (var server = LoopbackServer.serving(bytes)) {
            var text = TimeMachine.load(cache, server.url(), TIMEOUT);
            assertThat(text.notice()).hasValueSatisfying(n -> assertThat(n).contains("not the book's")
                    .contains("it is kept as " + TimeMachine.cacheFile(cache) + ".sha1-"));
        }
        assertThat(TimeMachine.cacheFile(cache)).hasBinaryContent(bytes);
        try (var files = Files.list(cache)) {
            assertThat(files.filter(f -> !f.equals(TimeMachine.cacheFile(cache))))
                    .singleElement().satisfies(f -> assertThat(f).hasContent("my own notes"));
        }
    }

    @Test
    @DisplayName("A cached file with another SHA-1 stays where it is when the download fails, and the error says so")
    void otherCachedFileStaysWhenOffline() throws IOException {
        Files.writeString(TimeMachine.cacheFile(cache), "my own notes");
        assertThatThrownBy(() -> TimeMachine.load(cache, LoopbackServer.refusing(), TIMEOUT))
                .isInstanceOf(UserException.class).hasMessageContaining("not the book's")
                .hasMessageContaining("was left as it is");
        assertThat(TimeMachine.cacheFile(cache)).hasContent("my own notes");
        try (var files = Files.list(cache)) {
            assertThat(files).as("nothing else is left in the folder").containsExactly(TimeMachine.cacheFile(cache));
        }
    }

    @Test
    @DisplayName("A download with the wrong SHA-1 is deleted, and the error says so and how to proceed")
    void wrongDownloadIsDeleted() throws IOException {
        try (var server = LoopbackServer.serving("a different book\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> TimeMachine.load(cache, server.url(), TIMEOUT))
                    .isInstanceOf(UserException.class)
                    .hasMessageContaining("expected " + TimeMachine.SHA1)
                    .hasMessageContaining("it was deleted): use a local copy of timemachine.txt or the bundled corpus");
        }
        try (var files = Files.list(cache)) {
            assertThat(files).as("nothing half-written or wrong stays in the cache").isEmpty();
        }
    }

    @Test
    @DisplayName("Offline (connection refused or no answer), the error says why and to use a local copy")
    void offlineErrorSaysHowToProceed() throws IOException {
        assertThatThrownBy(() -> TimeMachine.load(cache, LoopbackServer.refusing(), TIMEOUT))
                .isInstanceOf(UserException.class)
                .hasMessageStartingWith("could not get The Time Machine (no connection to 127.0.0.1")
                .hasMessageContaining("use a local copy of timemachine.txt");
        try (var server = LoopbackServer.silent()) {
            assertThatThrownBy(() -> TimeMachine.load(cache, server.url(), TIMEOUT))
                    .isInstanceOf(UserException.class)
                    .hasMessageContaining("no answer from 127.0.0.1 within 500 ms")
                    .hasMessageContaining("use a local copy of timemachine.txt");
        }
    }
}
