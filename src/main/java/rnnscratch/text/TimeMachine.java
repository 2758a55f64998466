package rnnscratch.text;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import rnnscratch.UserException;

/**
 * The book's data set, H. G. Wells' <i>The Time Machine</i>: downloaded once from d2l's server into a cache folder,
 * checked against its SHA-1, and read from the cache afterwards (the book's {@code d2l.download}).
 *
 * <p>The cache folder is {@code $RNN_SCRATCH_CACHE} if set, else {@code ~/.cache/rnn-scratch}; every method also
 * takes it as an argument, so a caller can name another folder.
 *
 * <p>Docs: docs/text-pipeline.md
 */
public final class TimeMachine {
    /** Where d2l downloads the text from. */
    public static final URI URL = URI.create("http://d2l-data.s3-accelerate.amazonaws.com/timemachine.txt");
    /** The SHA-1 of the right file (178,979 bytes, 3,221 lines). */
    public static final String SHA1 = "090b5e7e70c295757f55df93cb0a180b9691891a";
    /** The file's name in the cache folder. */
    public static final String FILE_NAME = "timemachine.txt";
    /** The human name of the corpus, for plot titles. */
    public static final String NAME = "The Time Machine";
    /** The connect timeout and the longest wait for each read of the download. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** The environment variable naming the cache folder. */
    public static final String CACHE_ENV = "RNN_SCRATCH_CACHE";

    private TimeMachine() {}

    /** The cache folder: {@code $RNN_SCRATCH_CACHE} if set and not blank, else {@code ~/.cache/rnn-scratch}. */
    public static Path defaultCacheDir() {
        return defaultCacheDir(System.getenv(), System.getProperty("user.home"));
    }

    /** {@link #defaultCacheDir()} for a given environment and home folder. */
    public static Path defaultCacheDir(Map<String, String> env, String userHome) {
        var fromEnv = env.getOrDefault(CACHE_ENV, "");
        return fromEnv.isBlank() ? Path.of(userHome, ".cache", "rnn-scratch") : Path.of(fromEnv);
    }

    /** Where the text is cached in {@code cacheDir}. */
    public static Path cacheFile(Path cacheDir) {
        return cacheDir.resolve(FILE_NAME);
    }

    /** {@link #load(Path, URI, Duration)} from d2l's server with the default timeout. */
    public static CorpusText load(Path cacheDir) {
        return load(cacheDir, URL, TIMEOUT);
    }

    /**
     * The text from the cache, downloading it first if it is not there (or is another text, which is kept aside).
     *
     * @param url     where to download from (a test points it at a local server)
     * @param timeout the connect timeout and the longest wait for each read
     * @throws UserException if it is not cached and cannot be downloaded, saying why and to use a local copy
     */
    public static CorpusText load(Path cacheDir, URI url, Duration timeout) {
        try {
            return fetch(cacheDir, url, timeout);
        } catch (IOException e) {
            throw new UserException("could not get " + NAME + " (" + e.getMessage() + "): use a local copy of "
                    + FILE_NAME + " or the bundled corpus", e);
        }
    }

    /**
     * Like {@link #load(Path, URI, Duration)}, but failing with an {@link IOException} whose message is the short
     * reason, for callers that fall back to another corpus or give their own advice.
     *
     * <p>A file in the cache that is not the book's text (another SHA-1) is never deleted: it is renamed aside while
     * the text is downloaded, kept beside it under a name of its own when the download succeeds, and renamed back
     * when it fails — the cache folder may be one of the user's own.
     *
     * @throws IOException if the text is not cached and cannot be downloaded
     */
    public static CorpusText fetch(Path cacheDir, URI url, Duration timeout) throws IOException {
        var file = cacheFile(cacheDir);
        Optional<Path> aside = Optional.empty();
        var other = "";
        if (Files.isRegularFile(file)) {
            var bytes = Files.readAllBytes(file);
            var sha1 = Download.sha1Hex(bytes);
            if (sha1.equals(SHA1)) {
                return corpusText(file, bytes, Optional.empty());
            }
            other = "the cached " + file + " has SHA-1 " + sha1 + ", not the book's " + SHA1;
            aside = Optional.of(asideName(file, sha1));
            try {
                Files.move(file, aside.get(), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new IOException(other + ", and it could not be renamed aside to make room for the download ("
                        + e.getClass().getSimpleName() + "); it was left as it is", e);
            }
        }
        try {
            Download.fetchVerified(url, file, SHA1, timeout);
        } catch (IOException e) {
            if (aside.isPresent()) {
                try {
                    Files.move(aside.get(), file, StandardCopyOption.ATOMIC_MOVE);
                    other += ", and was left as it is";
                } catch (IOException back) {
                    other += "; it is kept as " + aside.get();
                }
            }
            throw new IOException(other.isEmpty() ? e.getMessage() : e.getMessage() + "; " + other, e);
        }
        var notice = "Downloaded " + NAME + " from " + url + " into " + file
                + (aside.isEmpty() ? "" : " (" + other + ": it is kept as " + aside.get() + ")");
        return corpusText(file, Files.readAllBytes(file), Optional.of(notice));
    }

    /** A name beside {@code file} for a file with SHA-1 {@code sha1} that no file has yet. */
    private static Path asideName(Path file, String sha1) {
        String base = file.getFileName() + ".sha1-" + sha1.substring(0, 8);
        Path aside = file.resolveSibling(base);
        for (int n = 2; Files.exists(aside, LinkOption.NOFOLLOW_LINKS); n++) {
            aside = file.resolveSibling(base + "-" + n);
        }
        return aside;
    }

    private static CorpusText corpusText(Path file, byte[] bytes, Optional<String> notice) {
        return new CorpusText(NAME, file.toString(), TextFiles.decode(bytes, file.toString()), notice);
    }
}
