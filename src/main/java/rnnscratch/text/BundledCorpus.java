package rnnscratch.text;

import java.io.IOException;
import java.util.Optional;

/**
 * The text shipped inside the jar, used when The Time Machine is not at hand (no internet, nothing cached), so that
 * training always has something to read.
 *
 * <p>Docs: docs/text-pipeline.md
 */
public final class BundledCorpus {
    /** The classpath resource holding the text (UTF-8). */
    public static final String RESOURCE = "/rnnscratch/text/bundled-corpus.txt";
    /** The human name of the corpus, for plot titles. */
    public static final String NAME = "bundled corpus";

    private BundledCorpus() {}

    /**
     * The bundled text, with the one line that tells the user it is being used and why.
     *
     * @param why why it is used, e.g. "The Time Machine is not cached and could not be downloaded (…)"
     * @return the text; its notice is "Using the bundled corpus: " + why
     * @throws IllegalStateException if the resource is missing from the build
     */
    public static CorpusText load(String why) {
        try (var in = BundledCorpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the build lacks the resource " + RESOURCE);
            }
            return new CorpusText(NAME, "classpath:" + RESOURCE, TextFiles.decode(in.readAllBytes(), RESOURCE),
                    Optional.of("Using the bundled corpus: " + why));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the resource " + RESOURCE, e);
        }
    }
}
