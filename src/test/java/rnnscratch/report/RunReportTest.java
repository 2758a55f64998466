package rnnscratch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.UserException;
import rnnscratch.autograd.Tensor;
import rnnscratch.optim.Optimizer;
import rnnscratch.optim.SgdOptimizer;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnState;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;
import rnnscratch.text.Corpus;
import rnnscratch.text.SeqDataLoader;
import rnnscratch.text.TokenKind;
import rnnscratch.train.Ch8Options;
import rnnscratch.train.GradClipping;
import rnnscratch.train.LossNotFiniteException;
import rnnscratch.train.TrainCh8;

/** The run report (one HTML file) shows what training did, and its numbers are training's own. Docs: docs/training.md */
class RunReportTest {
    private static final String TEXT = "the cat sat on the mat. the dog sat on the log. ".repeat(20);

    @TempDir
    Path dir;

    /** The global norm of the gradients each update step saw, after clipping, one per minibatch. */
    private record Clipping(List<Double> normsAtStep) {}

    /** A training run with a recorder, updated by an SGD optimiser that writes down the norm of what it is given. */
    private record Run(RunRecorder recorder, Clipping clipping, RNNModelScratch net, Corpus corpus) {}

    /** {@code SgdOptimizer}, watched: its step sees the gradients after {@code gradClipping}. */
    private record Watched(SgdOptimizer sgd, List<Tensor> params, Clipping clipping) implements Optimizer {
        @Override
        public void zeroGrad() {
            sgd.zeroGrad();
        }

        @Override
        public void step() {
            clipping.normsAtStep().add(GradClipping.globalNorm(params));
            sgd.step();
        }
    }

    private static Run train(long seed, int hidden, double theta, double lr, boolean random, int epochs) {
        var corpus = Corpus.loadCorpus(List.of(TEXT), TokenKind.CHAR, -1);
        var clipping = new Clipping(new ArrayList<>());
        var rng = new Random(seed);
        var recorder = new RunRecorder();
        var model = new RNNModelScratch(corpus.vocab().size(), hidden, rng);
        var net = new RNNModelScratch(model.params(), recorder.watching(model.functions()));
        var loader = new SeqDataLoader(corpus.ids(), 4, 7, random, rng);
        var params = net.params().list();
        try {
            TrainCh8.trainCh8(net, loader, corpus.vocab(), new Watched(new SgdOptimizer(params, lr), params, clipping),
                    epochs, Ch8Options.of(theta, "the ", List.of("the "), 10, 20), recorder);
        } catch (LossNotFiniteException e) {
            // A diverged run is still reported, up to the minibatch before.
        }
        return new Run(recorder, clipping, net, corpus);
    }

    private static RunReport report(Run run, Optional<String> failure) {
        var settings = new LinkedHashMap<String, String>();
        settings.put("hidden units", String.valueOf(run.net().numHiddens()));
        settings.put("note", "<b>not bold</b> & \"quoted\"");
        return new RunReport("Report of a test run", settings, run.recorder(), Optional.of(HiddenStates.read(
                run.net(), run.corpus().vocab(), TokenKind.CHAR, "the ", 20)), failure);
    }

    @Test
    @DisplayName("The logged pre-clipping norm of every minibatch is the norm of that minibatch's gradients: the "
            + "update sees them unchanged when it is at most θ, and scaled to norm θ when it is above")
    void loggedNormIsTheGradientsNorm() {
        Props.qt(15).forAll(longs().all(), doubles().between(0.01, 2), integers().between(0, 1))
                .checkAssert((seed, theta, random) -> {
                    Run run = train(seed, 10, theta, 1, random == 1, 3);
                    double[] logged = run.recorder().gradNorms();
                    List<Double> atStep = run.clipping().normsAtStep();
                    assertThat(logged).as("one norm per minibatch").hasSize(atStep.size());
                    for (int i = 0; i < logged.length; i++) {
                        if (logged[i] <= theta) {
                            assertThat(atStep.get(i)).as("minibatch %d: ‖g‖ = %s ≤ θ = %s, left as it is", i + 1,
                                    logged[i], theta).isEqualTo(logged[i]);
                        } else {
                            assertThat(atStep.get(i)).as("minibatch %d: ‖g‖ = %s > θ = %s, scaled by θ/‖g‖ to θ",
                                    i + 1, logged[i], theta).isCloseTo(theta, within(1e-12 * theta));
                        }
                    }
                });
    }

    @Test
    @DisplayName("The clipped share is the fraction of norms above θ (a norm equal to θ is not clipped)")
    void clippedShareIsTheFractionAboveTheta() {
        Props.qt().forAll(lists().of(doubles().between(0, 10)).ofSizeBetween(1, 40), doubles().between(0.01, 10))
                .checkAssert((norms, theta) -> {
                    double[] n = norms.stream().mapToDouble(Double::doubleValue).toArray();
                    long above = norms.stream().filter(x -> x > theta).count();
                    assertThat(RunRecorder.clippedShare(n, theta)).as("share of %s above θ = %s", norms, theta)
                            .isEqualTo((double) above / n.length);
                    double[] withTheta = java.util.Arrays.copyOf(n, n.length + 1);
                    withTheta[n.length] = theta;
                    assertThat(RunRecorder.clippedShare(withTheta, theta) * withTheta.length)
                            .as("adding a norm exactly θ adds no clipped minibatch").isCloseTo(above,
                                    org.assertj.core.data.Offset.offset(1e-9));
                });
    }

    @Test
    @DisplayName("Each epoch's clipped share in the report is the share of its minibatches whose gradient "
            + "gradClipping scaled down")
    void reportedShareIsTheShareGradClippingScaled() {
        Props.qt(10).forAll(longs().all(), doubles().between(0.02, 0.6)).checkAssert((seed, theta) -> {
            Run run = train(seed, 12, theta, 1, false, 3);
            Map<Integer, Double> shares = report(run, Optional.empty()).clippedSharePerEpoch();
            int[] epochs = run.recorder().minibatchEpochs();
            for (var e : shares.entrySet()) {
                int total = 0;
                int scaled = 0;
                for (int i = 0; i < epochs.length; i++) {
                    if (epochs[i] == e.getKey()) {
                        total++;
                        scaled += run.clipping().normsAtStep().get(i) < run.recorder().gradNorms()[i] ? 1 : 0;
                    }
                }
                assertThat(e.getValue()).as("epoch %d: %d of %d minibatches were scaled by gradClipping",
                        e.getKey(), scaled, total).isEqualTo((double) scaled / total);
            }
        });
    }

    @Test
    @DisplayName("The heatmap's states are the model's: H_t after feeding tokens one at a time equals step t of one "
            + "forward pass over the whole text")
    void hiddenStatesAreTheModels() {
        Props.qt(20).forAll(longs().all(), integers().between(1, 12), integers().between(0, 15))
                .checkAssert((seed, hidden, numPreds) -> {
                    var corpus = Corpus.loadCorpus(List.of(TEXT), TokenKind.CHAR, -1);
                    var net = new RNNModelScratch(corpus.vocab().size(), hidden, new Random(seed));
                    var states = HiddenStates.read(net, corpus.vocab(), TokenKind.CHAR, "the c", numPreds);
                    assertThat(states.tokens()).as("prefix + predicted tokens").hasSize(5 + numPreds);
                    assertThat(states.prefixLength()).as("the prefix 'the c' is 5 tokens").isEqualTo(5);
                    int[] ids = corpus.vocab().indices(states.tokens());
                    var whole = net.forward(new int[][] {ids}, RnnState.initRnnState(1, hidden));
                    for (int t = 0; t < ids.length; t++) {
                        assertThat(Matrices.maxAbsDiff(new double[][] {states.values()[t]},
                                whole.hiddenStates().get(t).value())).as("H_%d", t + 1).isZero();
                    }
                });
    }

    @Test
    @DisplayName("The heatmap shows the k units whose values vary most, in increasing order")
    void readableUnitsVaryMost() {
        Props.qt().forAll(integers().between(1, 8), integers().between(1, 12), integers().between(1, 14), longs().all())
                .checkAssert((steps, units, k, seed) -> {
                    double[][] v = Matrices.uniform(steps, units, 1, seed);
                    var states = new HiddenStates(java.util.Collections.nCopies(steps, "a"), 1, v);
                    int[] chosen = states.readableUnits(k);
                    assertThat(chosen).as("min(k, H) units, increasing").hasSize(Math.min(k, units)).isSorted();
                    double[] spread = new double[units];
                    for (int j = 0; j < units; j++) {
                        double mean = 0;
                        for (double[] row : v) {
                            mean += row[j] / steps;
                        }
                        for (double[] row : v) {
                            spread[j] += (row[j] - mean) * (row[j] - mean);
                        }
                    }
                    double least = java.util.Arrays.stream(chosen).mapToDouble(j -> spread[j]).min().orElse(0);
                    for (int j = 0; j < units; j++) {
                        final int unit = j;
                        if (java.util.Arrays.stream(chosen).noneMatch(c -> c == unit)) {
                            assertThat(spread[j]).as("unit %d left out varies no more than those chosen", j)
                                    .isLessThanOrEqualTo(least);
                        }
                    }
                });
    }

    @Test
    @DisplayName("A long norm series is thinned to at most the given points, keeping the smallest and the largest")
    void decimationKeepsExtremes() {
        Props.qt().forAll(integers().between(1, 5000), integers().between(4, 400), longs().all())
                .checkAssert((n, max, seed) -> {
                    var rng = new Random(seed);
                    double[] x = new double[n];
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = i;
                        y[i] = Math.exp(10 * rng.nextGaussian());
                    }
                    double[][] kept = RunReport.decimate(x, y, max);
                    assertThat(kept[0].length).as("points kept of %d", n).isLessThanOrEqualTo(Math.max(max, 0))
                            .isEqualTo(kept[1].length);
                    assertThat(kept[0]).as("in order").isSorted();
                    double maxY = java.util.Arrays.stream(y).max().orElseThrow();
                    double minY = java.util.Arrays.stream(y).min().orElseThrow();
                    assertThat(kept[1]).as("the largest and the smallest value survive").contains(maxY, minY);
                });
    }

    @Test
    @DisplayName("The report is one self-contained HTML file: five sections, inline SVG that parses as XML, no "
            + "script, no external file, every text escaped")
    void reportIsSelfContained() throws Exception {
        Run run = train(3, 16, 0.2, 1, false, 12);
        String html = report(run, Optional.empty()).html();
        assertThat(html).as("one HTML file, from doctype to </html>").startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        for (String id : List.of("perplexity", "clipping", "through-time", "hidden-state", "samples")) {
            assertThat(html).as("section %s", id).contains("<section id=\"" + id + "\">");
        }
        assertThat(html.toLowerCase(java.util.Locale.ROOT)).as("nothing to fetch, nothing to run")
                .doesNotContain("<script").doesNotContain(" src=").doesNotContain("url(")
                .doesNotContain("@import").doesNotContain("href=\"http").doesNotContain("href=\"//");
        assertThat(html).as("the settings' text is escaped")
                .contains("&lt;b&gt;not bold&lt;/b&gt; &amp; &quot;quoted&quot;").doesNotContain("<b>not bold");
        Matcher svg = Pattern.compile("(?s)<svg .*?</svg>").matcher(html);
        int figures = 0;
        while (svg.find()) {
            figures++;
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                    svg.group().getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(figures).as("perplexity, ‖g‖, clipped share, gradients through time, heatmap").isEqualTo(5);
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        var seen = new java.util.HashSet<String>();
        while (ids.find()) {
            assertThat(seen.add(ids.group(1))).as("element id %s is unique in the page", ids.group(1)).isTrue();
        }
        assertThat(html).as("the run's samples").contains("the ").contains("θ = 0.2");
    }

    @Test
    @DisplayName("Without clipping the report says so and counts the minibatches the book's θ = 1 would have clipped")
    void noClippingIsReported() {
        String html = report(unclippedRun(), Optional.empty()).html();
        assertThat(html).as("the report of a run with θ = ∞").contains("Clipping was <strong>off</strong> (θ = ∞)")
                .contains("with the book's θ = 1");
    }

    @Test
    @DisplayName("A diverged run is reported with its reason")
    void divergenceIsReported() {
        String html = report(unclippedRun(), Optional.of("the loss became NaN in epoch 3, at minibatch 2")).html();
        assertThat(html).as("the report of a run that diverged").contains("Training diverged after")
                .contains("the loss became NaN in epoch 3, at minibatch 2");
    }

    /** A run without clipping at lr = 30, as in a run that diverges. */
    private static Run unclippedRun() {
        return train(1, 16, Double.POSITIVE_INFINITY, 30, false, 8);
    }

    @Test
    @DisplayName("A report is written atomically: it replaces an old file whole, leaves no temporary file, and a "
            + "failed write leaves the old file as it was")
    void reportIsWrittenAtomically() throws IOException {
        Run run = train(2, 8, 1, 1, true, 2);
        RunReport report = report(run, Optional.empty());
        Path file = Files.writeString(dir.resolve("run.html"), "old report");
        report.write(file);
        assertThat(Files.readString(file)).as("run.html after the report replaced 'old report'").isEqualTo(report.html());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("files in the folder: no temporary file")
                    .containsExactly("run.html");
        }
        Path blocked = Files.writeString(dir.resolve("blocked.html"), "old report");
        Path parentIsAFile = blocked.resolve("run.html");
        assertThatThrownBy(() -> report.write(parentIsAFile)).as("a report whose folder is a file").isInstanceOf(UserException.class)
                .hasMessageContaining(parentIsAFile.toString());
        assertThat(Files.readString(blocked)).as("the file that stood in the way, untouched").isEqualTo("old report");
        Path folder = Files.createDirectory(dir.resolve("folder.html"));
        assertThatThrownBy(() -> report.write(folder)).as("a report onto a folder").isInstanceOf(UserException.class);
        assertThat(folder).as("the folder named folder.html, still a folder").isDirectory();
    }

    @Test
    @DisplayName("Kept gradient norms per time step are reported for the first minibatch of every epoch and for "
            + "the minibatch with the largest ‖g‖")
    void probesAreKeptForChosenMinibatches() {
        Run run = train(4, 8, 1, 1, false, 5);
        var first = run.recorder().firstMinibatchProbes();
        assertThat(first).extracting(RunRecorder.Probe::epoch).as("the epochs of the first minibatches' probes")
                .containsExactly(1, 2, 3, 4, 5);
        double largest = java.util.Arrays.stream(run.recorder().gradNorms()).max().orElseThrow();
        assertThat(run.recorder().largestProbe()).map(RunRecorder.Probe::gradNorm)
                .as("the ‖g‖ of the probe kept for the largest ‖g‖ of the run").contains(largest);
        for (RunRecorder.Probe p : first) {
            assertThat(p.hiddenGradNorms()).as("‖∂l/∂H_t‖ for t = 1 … 7").hasSize(7);
        }
        List<RunRecorder.Probe> chosen = report(run, Optional.empty()).chosenProbes();
        assertThat(chosen.get(0).epoch()).as("the first epoch is shown").isEqualTo(1);
        assertThat(chosen).extracting(RunRecorder.Probe::epoch).as("and the last").contains(5);
        assertThat(chosen.size()).as("probes the report shows: %s", chosen).isLessThanOrEqualTo(6);
    }
}
