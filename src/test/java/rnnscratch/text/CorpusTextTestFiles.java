package rnnscratch.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Corpora for tests: an in-memory text, and The Time Machine when it is on this machine. */
public final class CorpusTextTestFiles {
    /** Where CI and the lead's machine keep the book's file, relative to the repository root. */
    static final Path SHARED_TIME_MACHINE = Path.of("../shared/data/timemachine.txt");

    private CorpusTextTestFiles() {}

    static CorpusText text(String text) {
        return new CorpusText("test text", "test text", text, Optional.empty());
    }

    /**
     * The Time Machine from ../shared/data or the download cache; the calling test is skipped, with the reason
     * shown, when neither has it.
     */
    public static CorpusText timeMachineOrSkip() {
        var cached = TimeMachine.cacheFile(TimeMachine.defaultCacheDir());
        var file = Files.isRegularFile(SHARED_TIME_MACHINE) ? SHARED_TIME_MACHINE : cached;
        Assumptions.assumeTrue(Files.isRegularFile(file), "The Time Machine is not on this machine (neither "
                + SHARED_TIME_MACHINE.toAbsolutePath().normalize() + " nor " + cached + "): skipped");
        return CorpusText.fromFile(file);
    }
}
