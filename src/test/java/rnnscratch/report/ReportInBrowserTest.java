package rnnscratch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.text.Corpus;
import rnnscratch.text.SeqDataLoader;
import rnnscratch.text.TokenKind;
import rnnscratch.train.Ch8Options;
import rnnscratch.train.TrainCh8;

/**
 * The report in a real browser: Debian's {@code chromium}, headless, when it is installed (else the test is skipped
 * and says why). Docs: docs/training.md
 */
class ReportInBrowserTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("In headless chromium the report loads with no console error, fetches nothing, draws its five "
            + "figures, and its screenshot is not blank")
    void reportLoadsCleanlyInABrowser() throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "no chromium browser found (looked for $CHROMIUM, /usr/bin/chromium and "
                + "chromium on the PATH): the report's browser check is skipped; install Debian's chromium to run it");

        var corpus = Corpus.loadCorpus(List.of("the cat sat on the mat. ".repeat(30)), TokenKind.CHAR, -1);
        var rng = new Random(9);
        var recorder = new RunRecorder();
        var net = new RNNModelScratch(new RNNModelScratch(corpus.vocab().size(), 16, rng).params(),
                recorder.watching(rnnscratch.rnn.RnnFunctions.library()));
        TrainCh8.trainCh8(net, new SeqDataLoader(corpus.ids(), 4, 8, false, rng), corpus.vocab(),
                TrainCh8.sgdUpdater(net, 1), 12, Ch8Options.of(0.3, "the c", List.of("the c"), 10, 20), recorder);
        var settings = new LinkedHashMap<String, String>();
        settings.put("hidden units", "16");
        Path file = dir.resolve("run.html");
        new RunReport("A run in the browser", settings, recorder, Optional.of(HiddenStates.read(net, corpus.vocab(),
                TokenKind.CHAR, "the c", 20)), Optional.empty()).write(file);

        Path broken = Files.writeString(dir.resolve("broken.html"), "<!DOCTYPE html><html><body><p>broken</p>"
                + "<img src=\"missing.png\"><script>console.error('on purpose'); notAFunction();</script></body></html>");
        HeadlessChromium.PageVisit visit;
        HeadlessChromium.PageVisit brokenVisit;
        HeadlessChromium browser;
        try {
            browser = HeadlessChromium.start(chromium.get());
        } catch (IOException e) {
            assumeTrue(false, "chromium at " + chromium.get() + " is installed but did not start, so the report's "
                    + "browser check is skipped (a problem of this machine, not of the report): " + e.getMessage());
            return;
        }
        try (browser) {
            brokenVisit = browser.visit(broken);
            visit = browser.visit(file);
        }
        assertThat(brokenVisit.errors()).as("the check itself sees errors: a page with a console error, an uncaught "
                + "exception and a missing image").hasSizeGreaterThanOrEqualTo(2);
        assertThat(brokenVisit.requests()).as("and the request for the missing image").hasSize(1)
                .allMatch(url -> url.endsWith("/missing.png"));
        assertThat(visit.errors()).as("console errors, uncaught exceptions and error log entries").isEmpty();
        assertThat(visit.requests()).as("requests the page made besides itself (it must stand alone)").isEmpty();
        assertThat(visit.figureCount()).as("inline SVG figures").isEqualTo("5");
        BufferedImage shot = visit.screenshot();
        assertThat(shot.getHeight()).as("the whole page was captured").isGreaterThan(1500);
        var colours = new HashSet<Integer>();
        long notWhite = 0;
        for (int y = 0; y < shot.getHeight(); y += 2) {
            for (int x = 0; x < shot.getWidth(); x += 2) {
                int rgb = shot.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                notWhite += rgb == 0xFFFFFF ? 0 : 1;
            }
        }
        long sampled = (long) ((shot.getHeight() + 1) / 2) * ((shot.getWidth() + 1) / 2);
        assertThat(colours.size()).as("distinct colours in the screenshot (a blank page has one)").isGreaterThan(50);
        assertThat((double) notWhite / sampled).as("share of the page that is not white").isGreaterThan(0.02);
        Files.createDirectories(Path.of("target"));
        javax.imageio.ImageIO.write(shot, "png", Path.of("target", "report-browser-check.png").toFile());
    }
}
