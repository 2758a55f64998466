package rnnscratch.text;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import rnnscratch.UserException;

/**
 * The raw text of a corpus, where it came from, and what to tell the user about that choice.
 *
 * <p>Docs: docs/text-pipeline.md
 *
 * @param name   a human name for plot titles and logs: "The Time Machine", "bundled corpus", a file name
 * @param origin where the text was read from (a path or a classpath resource), for error messages
 * @param text   the whole text, decoded from UTF-8, line breaks included
 * @param notice one line the command line prints when the source was chosen for the user (the bundled corpus is
 *               used, The Time Machine was just downloaded); empty when there is nothing to say
 */
public record CorpusText(String name, String origin, String text, Optional<String> notice) {

    /**
     * A local UTF-8 text file; its name is the file name.
     *
     * @throws UserException if the file is missing, unreadable, a directory, or not UTF-8 text
     */
    public static CorpusText fromFile(Path path) {
        var fileName = path.getFileName();
        return new CorpusText(fileName == null ? path.toString() : fileName.toString(), path.toString(),
                TextFiles.readText(path), Optional.empty());
    }

    /**
     * The lines of the text as Python's {@code readlines()} gives them, each preprocessed; empty lines are kept.
     *
     * @throws UserException if no line has anything left after preprocessing; for {@link Preprocess#D2L} a
     *                       {@link NoLettersException} (the text has no letter A-Z)
     */
    public List<String> lines(Preprocess preprocess) {
        var lines = TextFiles.splitLines(text).stream().map(preprocess::apply).toList();
        if (lines.stream().allMatch(String::isBlank)) {
            if (preprocess == Preprocess.D2L) {
                throw new NoLettersException(origin);
            }
            throw new UserException("corpus " + origin + " is empty: give a file with some text");
        }
        return lines;
    }
}
