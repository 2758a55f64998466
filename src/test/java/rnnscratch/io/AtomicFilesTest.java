package rnnscratch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.UserException;

@DisplayName("Atomic file writes: the target is always the old file or the complete new one")
class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> listing() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @DisplayName("Writing creates the file, and writing again replaces it whole")
    void writeCreatesAndReplaces() throws IOException {
        Path file = dir.resolve("out.txt");
        AtomicFiles.writeString(file, "first, longer content");
        assertThat(Files.readString(file)).as("the file after the first write").isEqualTo("first, longer content");
        AtomicFiles.write(file, new byte[] {'2'});
        assertThat(Files.readString(file)).as("the old content is replaced, not overwritten in place").isEqualTo("2");
        assertThat(listing()).as("no temporary file is left").containsExactly("out.txt");
    }

    @Test
    @DisplayName("If writing fails half way, the old file is untouched and the temporary file is gone")
    void aFailedWriteLeavesTheOldFile() throws IOException {
        Path file = dir.resolve("checkpoint.npz");
        AtomicFiles.writeString(file, "old");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half of the new".getBytes());
            throw new IllegalStateException("crash while writing");
        })).as("the writer's own exception comes through").isInstanceOf(IllegalStateException.class);
        assertOnlyTheOldFile(file);
    }

    @Test
    @DisplayName("A write that fails with an IOException is a UserException naming the file and the cause, and "
            + "leaves the old file")
    void anIoFailureIsExplained() throws IOException {
        Path file = dir.resolve("checkpoint.npz");
        AtomicFiles.writeString(file, "old");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            throw new IOException("disk full");
        })).as("an IOException ('disk full') while writing").isInstanceOf(UserException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("disk full");
        assertOnlyTheOldFile(file);
    }

    private void assertOnlyTheOldFile(Path file) throws IOException {
        assertThat(Files.readString(file)).as("the old file after a failed write").isEqualTo("old");
        assertThat(listing()).as("files in the folder after a failed write: no temporary file")
                .containsExactly(file.getFileName().toString());
    }

    @Test
    @DisplayName("The writer may close its stream (as a ZipOutputStream does) without spoiling the file")
    void theCallbackMayCloseItsStream() throws IOException {
        Path file = dir.resolve("closed.txt");
        AtomicFiles.write(file, out -> {
            out.write('a');
            out.close();
        });
        assertThat(Files.readString(file)).as("the file whose writer closed its stream").isEqualTo("a");
    }

    @Test
    @DisplayName("A missing directory, a directory as target, or a file as parent gives a UserException naming the path")
    void unwritablePathsAreExplained() throws IOException {
        Path missingDir = dir.resolve("runs").resolve("x.npz");
        assertThatThrownBy(() -> AtomicFiles.writeString(missingDir, "x")).isInstanceOf(UserException.class)
                .hasMessageContaining(missingDir.toString()).hasMessageContaining("does not exist")
                .hasMessageContaining("create the directory");
        assertThatThrownBy(() -> AtomicFiles.writeString(dir, "x")).isInstanceOf(UserException.class)
                .hasMessageContaining("is a directory");
        Path plainFile = dir.resolve("plain");
        Files.writeString(plainFile, "");
        assertThatThrownBy(() -> AtomicFiles.writeString(plainFile.resolve("x.npz"), "x"))
                .isInstanceOf(UserException.class).hasMessageContaining("is not a directory");
    }

    @Test
    @DisplayName("A read-only directory gives a UserException naming the path (skipped when running as root)")
    void readOnlyDirectoriesAreExplained() throws IOException {
        Path readOnly = dir.resolve("ro");
        Files.createDirectory(readOnly);
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeThat(Files.isWritable(readOnly)).as("root may write anywhere, so this cannot be tested as root")
                    .isFalse();
            Path file = readOnly.resolve("x.csv");
            assertThatThrownBy(() -> AtomicFiles.writeString(file, "x")).isInstanceOf(UserException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("permission denied");
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    @DisplayName("A relative file name is written in the current directory's terms")
    void relativePathsWork() throws IOException {
        Path file = dir.resolve(".").resolve("rel.txt");
        AtomicFiles.writeString(file, "ok");
        assertThat(Files.readString(dir.resolve("rel.txt"))).as("the file written as ./rel.txt").isEqualTo("ok");
    }
}
