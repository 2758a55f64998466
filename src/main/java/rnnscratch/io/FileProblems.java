package rnnscratch.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.ZipException;
import rnnscratch.UserException;

/**
 * The one-line messages for a file that cannot be read, all of the form
 * {@code <noun> <file> <problem>: <remedy>}, e.g.
 * {@code checkpoint runs/x.npz is truncated or corrupt (entry W_xh.npy: it ends inside the header): re-save it or
 * load another checkpoint}; the caller chooses the remedy (the command line names its flag there).
 *
 * <p>Docs: docs/file-formats.md
 *
 * @param file   the file, shown as given
 * @param noun   what the file is to the user: "checkpoint", "golden case", "file"
 * @param remedy what the user can do: "re-save it or load another checkpoint"
 */
record FileProblems(Path file, String noun, String remedy) {

    static FileProblems of(Path file, String noun, String remedy) {
        return new FileProblems(file, noun, remedy);
    }

    /** Fails early, with a precise message, if the file is missing, a directory or unreadable. */
    void requireRegularFile() {
        if (!Files.exists(file)) {
            throw fail("does not exist", "check the path, or " + remedy);
        }
        if (Files.isDirectory(file)) {
            throw fail("is a directory, not a file", "give the path of the file itself");
        }
        if (!Files.isReadable(file)) {
            throw fail("cannot be read (permission denied)", "fix its permissions, or " + remedy);
        }
    }

    /** The file's bytes are wrong; {@code e} says how. */
    UserException bad(BadFileException e) {
        return e.unsupported
                ? new UserException(subject() + " holds data this program cannot read (" + oneLine(e.getMessage())
                        + ")", e)
                : corrupt(e.getMessage(), e);
    }

    /** The file is truncated or its bytes are damaged. */
    UserException corrupt(String problem, Throwable cause) {
        return new UserException(subject() + " is truncated or corrupt (" + oneLine(problem) + "): " + remedy, cause);
    }

    /** The file holds no entry (array or other) of this name. */
    UserException missing(String what, Iterable<String> present) {
        String list = String.join(", ", present);
        return fail("has no " + what + " (it holds " + (list.isEmpty() ? "nothing" : list) + ")", remedy);
    }

    /** An entry exists but has the wrong type or shape for its use. */
    UserException wrongContent(String entry, String problem) {
        return fail("entry '" + entry + "' " + oneLine(problem), remedy);
    }

    /** Any failure while reading, turned into the right one-line message. */
    UserException unreadable(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return fail("does not exist", "check the path, or " + remedy);
        }
        if (e instanceof AccessDeniedException) {
            return fail("cannot be read (permission denied)", "fix its permissions, or " + remedy);
        }
        if (e instanceof OutOfMemoryError) {
            return new UserException(subject() + " is too large to load into memory: " + remedy, e);
        }
        if (e instanceof ZipException) {
            String kind = kindOfFile();
            return kind.equals(FileKind.NPZ.description()) || kind.equals("an empty file")
                    ? corrupt("not a complete zip archive: " + e.getMessage(), e)
                    : fail("is " + kind + ", not a NumPy .npz archive", remedy);
        }
        if (e instanceof EOFException) {
            return corrupt("it ends too early: " + e.getMessage(), e);
        }
        if (e instanceof RuntimeException) {
            return corrupt(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        if (e instanceof IOException) {
            return new UserException(subject() + " cannot be read (" + oneLine(String.valueOf(e.getMessage()))
                    + "): " + remedy, e);
        }
        return corrupt(String.valueOf(e), e);
    }

    /**
     * What the file's first bytes say it is ({@link FileKind#describe}), e.g. "a text file"; a NumPy archive's
     * description when they cannot be read (the message then stays "truncated or corrupt").
     */
    private String kindOfFile() {
        try {
            return FileKind.describe(file);
        } catch (IOException e) {
            return FileKind.NPZ.description();
        }
    }

    private UserException fail(String problem, String what) {
        return new UserException(subject() + " " + problem + ": " + what);
    }

    private String subject() {
        return noun + " " + file;
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
