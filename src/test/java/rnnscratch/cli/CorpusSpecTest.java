package rnnscratch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.UserException;
import rnnscratch.text.CorpusTextTestFiles;
import rnnscratch.text.LoopbackServer;
import rnnscratch.text.Preprocess;
import rnnscratch.text.TimeMachine;

/** The --corpus choice: timemachine, bundled, default (The Time Machine, else bundled), or a path. */
class CorpusSpecTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @TempDir
    Path dir;

    @Test
    @DisplayName("bundled reads the text shipped in the jar, with one line saying it is used and why")
    void bundledSaysSo() {
        var text = CorpusSpec.resolve("bundled", dir);
        assertThat(text.name()).isEqualTo("bundled corpus");
        assertThat(text.notice()).contains("Using the bundled corpus: asked for with --corpus bundled");
        assertThat(text.lines(Preprocess.D2L)).as("the bundled text has letters to learn from")
                .anyMatch(line -> !line.isEmpty());
    }

    @Test
    @DisplayName("default: The Time Machine when it is cached, with nothing to say")
    void defaultUsesTheCachedTimeMachine() throws IOException {
        var book = Path.of(CorpusTextTestFiles.timeMachineOrSkip().origin());
        Files.copy(book, TimeMachine.cacheFile(dir));
        var text = CorpusSpec.resolveDefault(dir, LoopbackServer.refusing(), TIMEOUT);
        assertThat(text.name()).isEqualTo("The Time Machine");
        assertThat(text.notice()).isEmpty();
        assertThat(text.lines(Preprocess.D2L)).as("lines of The Time Machine").hasSize(3221);
    }

    @Test
    @DisplayName("default: the bundled text when The Time Machine is neither cached nor downloadable, saying why")
    void defaultFallsBackToBundled() throws IOException {
        var text = CorpusSpec.resolve("default", dir, LoopbackServer.refusing(), TIMEOUT);
        assertThat(text.name()).isEqualTo("bundled corpus");
        assertThat(text.notice()).hasValueSatisfying(n -> assertThat(n)
                .startsWith("Using the bundled corpus: The Time Machine is not cached and could not be downloaded (")
                .contains("127.0.0.1").contains("--corpus PATH"));
    }

    @Test
    @DisplayName("timemachine: an error saying how to proceed when it is neither cached nor downloadable")
    void timeMachineOfflineIsAnError() throws IOException {
        assertThatThrownBy(() -> CorpusSpec.resolve("timemachine", dir, LoopbackServer.refusing(), TIMEOUT))
                .isInstanceOf(UserException.class).hasMessageContaining("--corpus PATH")
                .hasMessageStartingWith("could not get The Time Machine (no connection to 127.0.0.1")
                .hasMessageContaining("pass --corpus PATH to a local copy of timemachine.txt, or --corpus bundled");
        try (var server = LoopbackServer.silent()) {
            assertThatThrownBy(() -> CorpusSpec.resolve("timemachine", dir, server.url(), TIMEOUT))
                    .isInstanceOf(UserException.class)
                    .hasMessageContaining("no answer from 127.0.0.1 within 500 ms")
                    .hasMessageContaining("--corpus PATH");
        }
        try (var server = LoopbackServer.serving("a different book\n".getBytes(StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> CorpusSpec.resolve("timemachine", dir, server.url(), TIMEOUT))
                    .isInstanceOf(UserException.class)
                    .hasMessageContaining("expected " + TimeMachine.SHA1)
                    .hasMessageContaining("deleted")
                    .hasMessageContaining("--corpus PATH");
        }
    }

    @Test
    @DisplayName("Anything else is the path of a local UTF-8 file, named by its file name")
    void pathIsALocalFile() throws IOException {
        var file = Files.writeString(dir.resolve("poem.txt"), "Roses are red\n");
        var text = CorpusSpec.resolve(file.toString(), dir);
        assertThat(text.name()).isEqualTo("poem.txt");
        assertThat(text.notice()).isEmpty();
        assertThat(text.lines(Preprocess.D2L)).containsExactly("roses are red");
    }

    @Test
    @DisplayName("A corpus path that does not exist, or a blank one, is refused with a UserException")
    void missingOrBlankPathIsRefused() {
        assertThatThrownBy(() -> CorpusSpec.resolve(dir.resolve("missing.txt").toString(), dir))
                .isInstanceOf(UserException.class).hasMessageContaining("missing.txt");
        assertThatThrownBy(() -> CorpusSpec.resolve(" ", dir)).as("--corpus ' ' (blank)")
                .isInstanceOf(UserException.class);
    }

    @Test
    @DisplayName("A cached Time Machine is the default corpus and the timemachine corpus, with nothing to say")
    void cachedTimeMachineIsTheDefault() throws IOException {
        var book = Path.of(CorpusTextTestFiles.timeMachineOrSkip().origin());
        Files.copy(book, TimeMachine.cacheFile(dir));
        var loaded = TimeMachine.load(dir);
        var byDefault = CorpusSpec.resolveDefault(dir);
        assertThat(byDefault.name()).isEqualTo(TimeMachine.NAME);
        assertThat(byDefault.notice()).isEmpty();
        assertThat(byDefault.text()).as("the default corpus is the cached book").isEqualTo(loaded.text());
        assertThat(CorpusSpec.resolve(CorpusSpec.TIME_MACHINE, dir).text())
                .as("--corpus timemachine is the cached book")
                .isEqualTo(loaded.text());
    }
}
