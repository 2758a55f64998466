package rnnscratch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import rnnscratch.UserException;
import rnnscratch.io.FileKind;

/**
 * Checks on the files a run will write ({@code --save}, {@code --metrics}, {@code --plot}, {@code --report}), made BEFORE training
 * starts, so that a typo in a path does not cost a long run. The writes themselves are atomic
 * ({@link rnnscratch.io.AtomicFiles}).
 *
 * <p>Docs: docs/command-line.md
 */
final class OutputFiles {
    private OutputFiles() {}

    /**
     * Checks that {@code path} can be written: it is not a folder, its folder exists, it is not a symbolic link or
     * anything else but a regular file (a named pipe, a device), an existing file there is of the kind its ending
     * announces (a {@code .csv} never replaces a checkpoint that happens to be called so, and {@code --metrics}
     * replaces only a metrics file of this program), and a
     * file can be created there (a probe file is created and deleted at once; the target itself is not touched).
     *
     * @throws UserException naming the flag, the path and what to do
     */
    static void requireWritable(String flag, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        if (Files.isDirectory(absolute) || dir == null) {
            throw new UserException(flag + " " + path + " is a folder: give a file name, e.g. " + flag + " "
                    + absolute.resolve("x" + ending(flag)));
        }
        if (!Files.isDirectory(dir)) {
            throw new UserException(flag + " " + path + ": the folder " + dir + (Files.exists(dir)
                    ? " is a file, not a folder: choose another path" : " does not exist: create it first (mkdir -p "
                    + dir + ") or choose another path"));
        }
        if (Files.isSymbolicLink(absolute)) {
            throw new UserException(flag + " " + path + " is a symbolic link: it was left as it is; give the path of "
                    + "the file it points to, or another name");
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(absolute)) {
            throw new UserException(flag + " " + path + " exists and is not a regular file (a named pipe, a socket "
                    + "or a device): it was left as it is; choose another name");
        }
        Optional<FileKind> kind = FileKind.ofName(absolute);
        if (kind.isPresent() && Files.isRegularFile(absolute)) {
            try {
                if (!kind.get().mayReplace(absolute)) {
                    throw new UserException(flag + " " + path + " already exists and is " + FileKind.describe(absolute)
                            + ", not " + kind.get().description() + ": it was left as it is; choose another name, or "
                            + "remove it first if it is not needed");
                }
            } catch (IOException e) {
                throw new UserException(flag + " " + path + " exists but cannot be read (" + e.getClass()
                        .getSimpleName() + "): choose another path", e);
            }
        }
        if (flag.equals("--metrics") && Files.isRegularFile(absolute)) {
            requireMetricsFile(path, absolute);
        }
        try {
            Files.delete(Files.createTempFile(dir, ".rnn-scratch-probe-", ".tmp"));
        } catch (IOException | RuntimeException e) {
            throw new UserException(flag + " " + path + ": cannot write in the folder " + dir + " (" + reason(e)
                    + "): choose another path", e);
        }
    }

    /**
     * A {@code --metrics} file is replaced only when it is empty or a metrics file of this program (its first line
     * the header {@value MetricsLog#HEADER}): any text is a "CSV", and a text of the user's must not become a log.
     */
    private static void requireMetricsFile(Path path, Path absolute) {
        try (var lines = Files.lines(absolute, StandardCharsets.UTF_8)) {
            var first = lines.findFirst();
            if (first.isPresent() && !first.get().strip().equals(MetricsLog.HEADER)) {
                throw new UserException("--metrics " + path + " already exists and is not a metrics file of this "
                        + "program (its first line is not " + MetricsLog.HEADER + "): it was left as it is; choose "
                        + "another name, or remove it first if it is not needed");
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UserException("--metrics " + path + " already exists and is not a text file of this program ("
                    + e.getClass().getSimpleName() + "): it was left as it is; choose another name", e);
        }
    }

    /** Why a file could not be made, in the system's words ("Permission denied"), not Java's class names. */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such folder, or not one a file can be made in";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String ending(String flag) {
        return switch (flag) {
            case "--save" -> ".npz";
            case "--metrics" -> ".csv";
            case "--report" -> ".html";
            default -> ".svg";
        };
    }
}
