package rnnscratch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import rnnscratch.UserException;

/**
 * Checks on the files a run will write ({@code --save}, {@code --metrics}, {@code --plot}, {@code --report}), made BEFORE training
 * starts, so that a typo in a path does not cost a long run. The writes themselves are atomic
 * ({@link rnnscratch.io.AtomicFiles}).
 *
 * <p>Docs: docs/command-line.md
 */
final class OutputFiles {
    private OutputFiles() {}

    /** An output flag and its path, if given. */
    record Output(String flag, Optional<Path> path) {}

    /**
     * Refuses two output flags that name the same file.
     *
     * @throws UserException naming both flags
     */
    static void requireDistinct(List<Output> outputs) {
        var seen = new HashMap<Path, String>();
        for (Output o : outputs) {
            if (o.path().isPresent()) {
                String before = seen.putIfAbsent(o.path().get().toAbsolutePath().normalize(), o.flag());
                if (before != null) {
                    throw new UserException(before + " and " + o.flag() + " name the same file " + o.path().get()
                            + ": give each its own file");
                }
            }
        }
    }

    /**
     * Checks that {@code path} can be written: it is not a folder, its folder exists, and a file can be created
     * there (a probe file is created and deleted at once; the target itself is not touched).
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
        try {
            Files.delete(Files.createTempFile(dir, ".rnn-scratch-probe-", ".tmp"));
        } catch (IOException | RuntimeException e) {
            throw new UserException(flag + " " + path + ": cannot write in the folder " + dir + " (" + e.getClass()
                    .getSimpleName() + "): choose another path", e);
        }
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
