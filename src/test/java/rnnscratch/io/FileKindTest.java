package rnnscratch.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telling the project's kinds of output file apart by their first bytes. Docs: docs/file-formats.md */
class FileKindTest {
    @TempDir
    Path dir;

    private Map<FileKind, Path> oneOfEach() throws Exception {
        Path npz = dir.resolve("a.npz");
        Npz.savez(npz, Map.of("x", DoubleArray.vector(new double[] {1, 2})), Map.of("vocab.txt", "a\n"));
        Path csv = Files.writeString(dir.resolve("a.csv"), "epoch,perplexity\n1,27.9\n");
        Path svg = Files.writeString(dir.resolve("a.svg"), "<?xml version=\"1.0\"?>\n<svg xmlns=\"x\"></svg>\n");
        Path png = Files.write(dir.resolve("a.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0});
        Path html = Files.writeString(dir.resolve("a.html"), "<!DOCTYPE html>\n<html><body>ok</body></html>\n");
        return Map.of(FileKind.NPZ, npz, FileKind.CSV, csv, FileKind.SVG, svg, FileKind.PNG, png, FileKind.HTML,
                html);
    }

    @Test
    @DisplayName("A new file may replace a file of its own kind, a missing file or an empty one, and no other kind")
    void onlyTheSameKindIsReplaced() throws Exception {
        var files = oneOfEach();
        for (var kind : FileKind.values()) {
            assertThat(kind.mayReplace(dir.resolve("missing" + kind.ending()))).as("%s over nothing", kind).isTrue();
            assertThat(kind.mayReplace(Files.write(dir.resolve("empty" + kind.ending()), new byte[0])))
                    .as("%s over an empty file", kind).isTrue();
            for (var other : files.entrySet()) {
                boolean same = other.getKey() == kind;
                assertThat(kind.mayReplace(other.getValue())).as("%s over %s", kind, other.getKey()).isEqualTo(same);
            }
        }
    }

    @Test
    @DisplayName("A message names what an existing file is: one of the kinds, a text file or a binary file")
    void describeNamesTheKind() throws Exception {
        var files = oneOfEach();
        assertThat(FileKind.describe(files.get(FileKind.NPZ))).as("an .npz").isEqualTo("a NumPy .npz archive");
        assertThat(FileKind.describe(files.get(FileKind.PNG))).as("a .png").isEqualTo("a PNG image");
        assertThat(FileKind.describe(files.get(FileKind.SVG))).as("an .svg").isEqualTo("an SVG image");
        assertThat(FileKind.describe(files.get(FileKind.CSV))).as("a .csv").isEqualTo("a text file");
        assertThat(FileKind.describe(Files.write(dir.resolve("b.bin"), new byte[] {1, 0, 2})))
                .as("bytes 1, 0, 2").isEqualTo("a binary file");
        assertThat(FileKind.describe(Files.writeString(dir.resolve("t.txt"), "时间机器 ".repeat(2000),
                StandardCharsets.UTF_8))).as("UTF-8 text cut in the middle of a character by the 4 KB head")
                .isEqualTo("a text file");
    }

    @Test
    @DisplayName("The kind a file name announces comes from its ending, whatever its case")
    void kindFromTheEnding() {
        assertThat(FileKind.ofName(Path.of("runs/Model.NPZ"))).as("the kind of Model.NPZ").contains(FileKind.NPZ);
        assertThat(FileKind.ofName(Path.of("report.htm"))).as("the kind of report.htm").contains(FileKind.HTML);
        assertThat(FileKind.ofName(Path.of("notes.txt"))).as("the kind of notes.txt: none").isEmpty();
    }
}
