package rnnscratch.text;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import rnnscratch.UserException;

/**
 * The book's data set, H. G. Wells' <i>The Time Machine</i>: downloaded once from d2l's server into a cache folder,
 * checked against its SHA-1, and read from the cache afterwards (the book's {@code d2l.download}).
 *
 * <p>The cache folder is {@code $RNN_SCRATCH_CACHE} if set, else {@code ~/.cache/rnn-scratch}; every method also
 * takes it as an argument, so the command line can offer a flag for it.
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
     * The text from the cache, downloading it first if it is not there (or was corrupt, which is then deleted).
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
     * @throws IOException if the text is not cached and cannot be downloaded (a corrupt cache is deleted first)
     */
    public static CorpusText fetch(Path cacheDir, URI url, Duration timeout) throws IOException {
        var file = cacheFile(cacheDir);
        var deleted = "";
        if (Files.isRegularFile(file)) {
            var bytes = Files.readAllBytes(file);
            var sha1 = Download.sha1Hex(bytes);
            if (sha1.equals(SHA1)) {
                return corpusText(file, bytes, Optional.empty());
            }
            Files.delete(file);
            deleted = "the cached " + file + " had SHA-1 " + sha1 + ", expected " + SHA1 + ", so it was deleted";
        }
        try {
            Download.fetchVerified(url, file, SHA1, timeout);
        } catch (IOException e) {
            throw new IOException(deleted.isEmpty() ? e.getMessage() : e.getMessage() + "; " + deleted, e);
        }
        var notice = "Downloaded " + NAME + " from " + url + " into " + file
                + (deleted.isEmpty() ? "" : " (" + deleted + ")");
        return corpusText(file, Files.readAllBytes(file), Optional.of(notice));
    }

    private static CorpusText corpusText(Path file, byte[] bytes, Optional<String> notice) {
        return new CorpusText(NAME, file.toString(), TextFiles.decode(bytes, file.toString()), notice);
    }
}
