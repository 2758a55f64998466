package rnnscratch.text;

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

/** Downloading a file and keeping it only if its SHA-1 is right, against a local server (never the network). */
class DownloadTest {
    private static final byte[] BYTES = "the right bytes\n".getBytes(StandardCharsets.UTF_8);
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @TempDir
    Path dir;

    private long filesIn(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    @DisplayName("The right bytes are saved under the target name")
    void rightBytesAreSaved() throws IOException {
        var target = dir.resolve("cache/file.txt");
        try (var server = LoopbackServer.serving(BYTES)) {
            Download.fetchVerified(server.url(), target, Download.sha1Hex(BYTES), TIMEOUT);
        }
        assertThat(target).hasBinaryContent(BYTES);
        assertThat(filesIn(target.getParent())).as("no temporary file is left behind").isEqualTo(1);
    }

    @Test
    @DisplayName("Wrong bytes are deleted and the error says so")
    void wrongBytesAreDeleted() throws IOException {
        var target = dir.resolve("file.txt");
        try (var server = LoopbackServer.serving("tampered\n".getBytes(StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> Download.fetchVerified(server.url(), target, Download.sha1Hex(BYTES), TIMEOUT))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("SHA-1").hasMessageContaining("deleted");
        }
        assertThat(filesIn(dir)).as("neither the target nor a temporary file is left").isZero();
    }

    @Test
    @DisplayName("A refused connection, a silent server and an HTTP error each fail with a short reason and leave nothing")
    void failuresLeaveNothing() throws IOException {
        var target = dir.resolve("file.txt");
        var sha1 = Download.sha1Hex(BYTES);
        assertThatThrownBy(() -> Download.fetchVerified(LoopbackServer.refusing(), target, sha1, TIMEOUT))
                .isInstanceOf(IOException.class).hasMessageContaining("no connection to 127.0.0.1");
        try (var server = LoopbackServer.silent()) {
            assertThatThrownBy(() -> Download.fetchVerified(server.url(), target, sha1, TIMEOUT))
                    .isInstanceOf(IOException.class).hasMessageContaining("no answer").hasMessageContaining("500 ms");
        }
        try (var server = LoopbackServer.failingWith(404)) {
            assertThatThrownBy(() -> Download.fetchVerified(server.url(), target, sha1, TIMEOUT))
                    .isInstanceOf(IOException.class).hasMessageContaining("HTTP 404");
        }
        assertThat(filesIn(dir)).isZero();
    }

    @Test
    @DisplayName("A failed download into folders it had to make leaves none of them behind; folders that were there stay")
    void failuresLeaveNoNewFolder() throws IOException {
        var sha1 = Download.sha1Hex(BYTES);
        assertThatThrownBy(() -> Download.fetchVerified(LoopbackServer.refusing(), dir.resolve("cache/d2l/file.txt"),
                sha1, TIMEOUT)).isInstanceOf(IOException.class);
        assertThat(dir.resolve("cache")).as("the cache folder the download made for nothing").doesNotExist();

        Files.createDirectories(dir.resolve("kept"));
        try (var server = LoopbackServer.failingWith(404)) {
            assertThatThrownBy(() -> Download.fetchVerified(server.url(), dir.resolve("kept/new/file.txt"), sha1,
                    TIMEOUT)).isInstanceOf(IOException.class);
        }
        assertThat(dir.resolve("kept/new")).doesNotExist();
        assertThat(dir.resolve("kept")).as("a folder that was there before").isDirectory();
    }

    @Test
    @DisplayName("A file already at the target is replaced only by a download with the right SHA-1")
    void existingTargetIsReplacedOnlyByRightBytes() throws IOException {
        var target = Files.writeString(dir.resolve("file.txt"), "old");
        try (var server = LoopbackServer.serving("tampered".getBytes(StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> Download.fetchVerified(server.url(), target, Download.sha1Hex(BYTES), TIMEOUT))
                    .isInstanceOf(IOException.class);
        }
        assertThat(target).hasContent("old");
        try (var server = LoopbackServer.serving(BYTES)) {
            Download.fetchVerified(server.url(), target, Download.sha1Hex(BYTES), TIMEOUT);
        }
        assertThat(target).hasBinaryContent(BYTES);
    }
}
