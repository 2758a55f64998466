package rnnscratch.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.UserException;
import rnnscratch.testing.Props;

/** Reading a local text file like Python's {@code open(path).readlines()}, with one clear error for bad files. */
class TextFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    @DisplayName("Lines split as Python's readlines: \\n, \\r\\n and a lone \\r end a line; a last line needs no break")
    void linesSplitAsPythonReadlines() {
        assertThat(TextFiles.splitLines("a\nb\r\nc\rd")).containsExactly("a", "b", "c", "d");
        assertThat(TextFiles.splitLines("a\n\n")).as("a trailing break ends the last line, adds no empty one")
                .containsExactly("a", "");
        assertThat(TextFiles.splitLines("\r\r\n")).containsExactly("", "");
        assertThat(TextFiles.splitLines("")).isEmpty();
    }

    @Test
    @DisplayName("Each line followed by its line break gives the lines back; a non-empty last line needs no break")
    void splitLinesIsUndoneByJoining() {
        Props.qt().forAll(lists().of(strings().betweenCodePoints('a', 'e').ofLengthBetween(0, 4)).ofSizeBetween(0, 6))
                .checkAssert(lines -> {
                    var text = lines.stream().map(l -> l + "\n").collect(Collectors.joining());
                    assertThat(TextFiles.splitLines(text)).isEqualTo(lines);
                    if (!lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty()) {
                        assertThat(TextFiles.splitLines(text.substring(0, text.length() - 1))).isEqualTo(lines);
                    }
                });
    }

    @Test
    @DisplayName("readLines is the book's read_time_machine: empty lines kept, lines preprocessed")
    void readLinesKeepsEmptyLines() throws IOException {
        var file = write("t.txt", "The Time\n\n  Machine!\nend".getBytes(StandardCharsets.UTF_8));
        assertThat(TextFiles.readLines(file)).containsExactly("the time", "", "machine", "end");
    }

    @Test
    @DisplayName("A leading byte-order mark is not part of the text")
    void byteOrderMarkIsDropped() throws IOException {
        var file = write("bom.txt", "\uFEFF我 喜欢".getBytes(StandardCharsets.UTF_8));
        assertThat(CorpusText.fromFile(file).lines(Preprocess.KEEP)).containsExactly("我 喜欢");
    }

    @Test
    @DisplayName("A missing file is one clear error naming the path")
    void missingFileIsAClearError() {
        var missing = dir.resolve("nope.txt");
        assertThatThrownBy(() -> CorpusText.fromFile(missing)).isInstanceOf(UserException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    @DisplayName("A directory is one clear error naming the path")
    void directoryIsAClearError() {
        assertThatThrownBy(() -> CorpusText.fromFile(dir)).isInstanceOf(UserException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("is a directory");
    }

    @Test
    @DisplayName("A file with NUL bytes is binary: one clear error naming the path")
    void binaryFileIsAClearError() throws IOException {
        var file = write("model.bin", new byte[] {'a', 'b', 0, 'c'});
        assertThatThrownBy(() -> CorpusText.fromFile(file)).isInstanceOf(UserException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("binary");
    }

    @Test
    @DisplayName("A file that is not valid UTF-8 is one clear error naming the path")
    void invalidUtf8IsAClearError() throws IOException {
        var file = write("latin1.txt", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> CorpusText.fromFile(file)).isInstanceOf(UserException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not valid UTF-8");
    }

    @Test
    @DisplayName("A file left empty by preprocessing is one clear error naming the path")
    void emptyAfterPreprocessingIsAClearError() throws IOException {
        var digits = write("digits.txt", "123 456\n\n!?\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CorpusText.fromFile(digits).lines(Preprocess.D2L)).isInstanceOf(UserException.class)
                .isInstanceOf(NoLettersException.class)
                .hasMessageContaining(digits.toString()).hasMessageContaining("keep every character (Preprocess.KEEP)");
        var chinese = write("zh.txt", "我喜欢学习\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CorpusText.fromFile(chinese).lines(Preprocess.D2L)).isInstanceOf(UserException.class);
        assertThat(CorpusText.fromFile(chinese).lines(Preprocess.KEEP)).containsExactly("我喜欢学习");
        var blank = write("blank.txt", "\n \n\t\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CorpusText.fromFile(blank).lines(Preprocess.KEEP)).isInstanceOf(UserException.class)
                .hasMessageContaining(blank.toString()).hasMessageContaining("is empty");
    }
}
