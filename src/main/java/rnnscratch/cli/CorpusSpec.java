package rnnscratch.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import rnnscratch.UserException;
import rnnscratch.text.BundledCorpus;
import rnnscratch.text.CorpusText;
import rnnscratch.text.TimeMachine;

/**
 * Turns the command line's corpus choice ({@code --corpus}) into text: {@code timemachine}, {@code bundled},
 * {@code default}, or the path of a local UTF-8 file (write {@code ./bundled} for a file that happens to carry one of
 * those names). The texts come from the {@code text} package; what to type when one cannot be had is said here.
 *
 * <p>Docs: docs/text-pipeline.md
 */
public final class CorpusSpec {
    /** The spec asking for The Time Machine (cached or downloaded; an error if neither works). */
    public static final String TIME_MACHINE = "timemachine";
    /** The spec asking for the text shipped in the jar. */
    public static final String BUNDLED = "bundled";
    /** The spec asking for The Time Machine if it can be had within a few seconds, else the bundled text. */
    public static final String DEFAULT = "default";

    private CorpusSpec() {}

    /** {@link #resolve(String, Path, URI, Duration)} with d2l's URL and the default timeout. */
    public static CorpusText resolve(String spec, Path cacheDir) {
        return resolve(spec, cacheDir, TimeMachine.URL, TimeMachine.TIMEOUT);
    }

    /**
     * Reads the corpus a spec names.
     *
     * @param cacheDir where The Time Machine is cached (see {@link TimeMachine#defaultCacheDir()})
     * @param url      where The Time Machine is downloaded from
     * @param timeout  the download's connect and read timeout
     * @throws UserException if the file cannot be read, or {@code timemachine} is neither cached nor downloadable
     */
    public static CorpusText resolve(String spec, Path cacheDir, URI url, Duration timeout) {
        return switch (spec) {
            case TIME_MACHINE -> timeMachine(cacheDir, url, timeout);
            case BUNDLED -> BundledCorpus.load("asked for with --corpus " + BUNDLED);
            case DEFAULT -> resolveDefault(cacheDir, url, timeout);
            default -> CorpusText.fromFile(path(spec));
        };
    }

    private static CorpusText timeMachine(Path cacheDir, URI url, Duration timeout) {
        try {
            return TimeMachine.fetch(cacheDir, url, timeout);
        } catch (IOException e) {
            throw new UserException("could not get " + TimeMachine.NAME + " (" + e.getMessage() + "): pass --corpus "
                    + "PATH to a local copy of " + TimeMachine.FILE_NAME + ", or --corpus bundled", e);
        }
    }

    /** {@link #resolveDefault(Path, URI, Duration)} with d2l's URL and the default timeout. */
    public static CorpusText resolveDefault(Path cacheDir) {
        return resolveDefault(cacheDir, TimeMachine.URL, TimeMachine.TIMEOUT);
    }

    /**
     * The main job's default: The Time Machine if it is cached or can be downloaded, else the bundled text with a
     * notice that says why ("Using the bundled corpus: The Time Machine is not cached and could not be downloaded
     * (…)").
     */
    public static CorpusText resolveDefault(Path cacheDir, URI url, Duration timeout) {
        try {
            return TimeMachine.fetch(cacheDir, url, timeout);
        } catch (IOException e) {
            return BundledCorpus.load(TimeMachine.NAME + " is not cached and could not be downloaded ("
                    + e.getMessage() + "); pass --corpus PATH to use a local copy");
        }
    }

    private static Path path(String spec) {
        if (spec.isBlank()) {
            throw new UserException("the corpus is empty: pass --corpus timemachine, bundled, or the path of a "
                    + "UTF-8 text file");
        }
        try {
            return Path.of(spec);
        } catch (InvalidPathException e) {
            throw new UserException("corpus '" + spec + "' is not a valid path (" + e.getReason() + "): pass "
                    + "--corpus timemachine, bundled, or the path of a UTF-8 text file", e);
        }
    }
}
