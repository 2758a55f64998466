package rnnscratch.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import rnnscratch.UserException;

/**
 * Writing a file so that it is always either the old version or the complete new one, never half written: the bytes
 * go to a temporary file in the same directory ({@code .NAME.PID-N.tmp}), are forced to disk, and the temporary file
 * is then renamed over the target with {@code ATOMIC_MOVE, REPLACE_EXISTING}. If anything fails, the temporary file is
 * deleted and the target is untouched.
 *
 * <p>Checkpoints ({@link Npz}), metrics ({@link CsvWriter}) and plots are written this way.
 *
 * <p>Docs: docs/file-formats.md
 */
public final class AtomicFiles {
    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFiles() {}

    /** What to write: a callback that writes the content to a stream (closing the stream is allowed but not needed). */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Replaces {@code target} atomically with {@code bytes}.
     *
     * @throws UserException if the target cannot be written (missing directory, a directory, no permission, disk full)
     */
    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /**
     * Replaces {@code target} atomically with {@code text} encoded as UTF-8.
     *
     * @throws UserException if the target cannot be written
     */
    public static void writeString(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces {@code target} atomically with what {@code content} writes.
     *
     * @throws UserException if the target cannot be written; an unchecked exception thrown by {@code content} itself
     *                       passes through unchanged (after the temporary file is removed)
     */
    public static void write(Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || absolute.getFileName() == null) {
            throw new UserException("cannot write " + target + ": it is not a file path: choose a file name");
        }
        if (Files.isDirectory(absolute)) {
            throw new UserException("cannot write " + target + ": it is a directory: choose a file name inside it");
        }
        if (!Files.isDirectory(dir)) {
            throw new UserException("cannot write " + target + ": " + (Files.exists(dir) ? "the parent " + dir
                    + " is not a directory" : "the directory " + dir + " does not exist")
                    + ": create the directory or choose another path");
        }
        Path temp = dir.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet() + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                var out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(new KeepOpen(out));
                out.flush();
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } catch (AccessDeniedException e) {
            throw new UserException("cannot write " + target + " (permission denied in " + dir
                    + "): choose a writable path", e);
        } catch (IOException e) {
            String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            throw new UserException("cannot write " + target + " (" + reason
                    + "): check the path and the free disk space", e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Best effort: the write already failed and that failure is what the user needs to see.
                }
            }
        }
    }

    /** Lets the callback close its stream (a ZipOutputStream must be closed) without closing the file early. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
