package rnnscratch.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import rnnscratch.plot.Heatmap;
import rnnscratch.plot.Markup;
import rnnscratch.plot.SvgPlot;
import rnnscratch.plot.SvgPlot.Dash;
import rnnscratch.plot.SvgPlot.Scale;
import rnnscratch.plot.SvgPlot.Series;
import rnnscratch.io.AtomicFiles;
import rnnscratch.train.EpochStats;
import rnnscratch.train.TrainResult;

/**
 * A one-file HTML report of a training run: what a student needs to see inside their run, beyond one perplexity
 * curve. Five sections:
 * <ol>
 *   <li>perplexity against epoch (log scale);</li>
 *   <li>the global gradient norm ‖g‖ before clipping of every minibatch, with the threshold θ, and the share of
 *       minibatches clipped in each epoch — the notes' {@code g ← min(1, θ/‖g‖)·g} made visible;</li>
 *   <li>gradients through time: ‖∂l/∂H_t‖ for t = 1 … num_steps of a few minibatches (log scale): how the gradient
 *       grows or fades going back through the chain of T steps, and stops at H_1 (detach);</li>
 *   <li>a heatmap of the final model's hidden state H_t while it reads the sample prefix and continues it;</li>
 *   <li>the samples shown every 10 epochs, and the run's settings.</li>
 * </ol>
 * The file stands alone: inline SVG and CSS, no script, no external file; it reads offline and prints (every
 * section starts on a fresh page). It is written atomically, like every other output.
 *
 * <p>Docs: docs/training.md, docs/gradient-clipping.md, docs/bptt.md
 *
 * @param title        the heading, naming the run
 * @param settings     the run's settings, in the order to show them (name → value)
 * @param run          what training reported
 * @param hiddenStates the final model's hidden states over the sample text, if they could be computed
 * @param failure      why training stopped early, when it diverged
 */
public record RunReport(String title, Map<String, String> settings, RunRecorder run,
        Optional<HiddenStates> hiddenStates, Optional<String> failure) {

    /** Units shown in the heatmap at most. */
    public static final int HEATMAP_UNITS = 32;
    /** Points of the per-minibatch chart above which it shows each bucket's smallest and largest norm. */
    static final int MAX_POINTS = 3000;

    public RunReport {
        settings = new LinkedHashMap<>(settings);
    }

    /** The settings, in order. */
    @Override
    public Map<String, String> settings() {
        return new LinkedHashMap<>(settings);
    }

    /**
     * Writes the report to {@code file} atomically: the file is the old one or the complete new one.
     *
     * @throws rnnscratch.UserException if it cannot be written
     */
    public void write(Path file) {
        AtomicFiles.writeString(file, html());
    }

    /** The whole HTML document. */
    public String html() {
        var h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<title>").append(Markup.escape(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        h.append("<header>\n<h1>").append(Markup.escape(title)).append("</h1>\n<p class=\"status\">")
                .append(Markup.escape(status())).append("</p>\n");
        h.append("<ol class=\"toc\"><li><a href=\"#perplexity\">Perplexity</a></li>"
                + "<li><a href=\"#clipping\">Gradient norm and clipping</a></li>"
                + "<li><a href=\"#through-time\">Gradients through time</a></li>"
                + "<li><a href=\"#hidden-state\">The hidden state</a></li>"
                + "<li><a href=\"#samples\">Samples and settings</a></li></ol>\n</header>\n");
        perplexitySection(h);
        clippingSection(h);
        throughTimeSection(h);
        hiddenStateSection(h);
        samplesSection(h);
        h.append("<footer>Written by rnn-scratch. The ideas behind each figure: docs/perplexity.md, "
                + "docs/gradient-clipping.md, docs/bptt.md (the gradients through time) and docs/training.md in the "
                + "repository.</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private String status() {
        int epochs = run.epochs().size();
        String ppl = run.epochs().isEmpty() ? "" : ", last perplexity "
                + Markup.number(run.epochs().get(epochs - 1).perplexity());
        if (failure.isPresent()) {
            return "Training diverged after " + epochs + " complete epoch" + (epochs == 1 ? "" : "s") + " ("
                    + run.minibatchCount() + " minibatches): " + failure.get();
        }
        Optional<TrainResult> r = run.result();
        if (r.isPresent() && r.get().stopped()) {
            return "Stopped on request after " + epochs + " epochs" + ppl + ".";
        }
        return "Trained " + epochs + " epochs (" + run.minibatchCount() + " minibatches)" + ppl + ".";
    }

    // ----- 1. perplexity ------------------------------------------------------------------------------------------

    private void perplexitySection(StringBuilder h) {
        h.append("<section id=\"perplexity\">\n<h2>1. Perplexity <span lang=\"zh\">困惑度</span></h2>\n");
        List<EpochStats> finite = run.epochs().stream().filter(s -> Double.isFinite(s.perplexity())).toList();
        if (finite.isEmpty()) {
            h.append("<p>No epoch finished with a finite perplexity, so there is nothing to draw.</p>\n</section>\n");
            return;
        }
        double[] x = finite.stream().mapToDouble(EpochStats::epoch).toArray();
        double[] y = finite.stream().mapToDouble(EpochStats::perplexity).toArray();
        int best = IntStream.range(0, y.length).reduce((a, b) -> y[b] < y[a] ? b : a).orElse(0);
        h.append("<p>The perplexity exp(mean cross-entropy) of each epoch, on a log scale: how many tokens the model "
                + "hesitates between on average — a uniform guess among V tokens scores V, a perfect model 1. "
                + "It went from ")
                .append(Markup.number(y[0])).append(" after epoch ").append((int) x[0]).append(" to ")
                .append(Markup.number(y[y.length - 1])).append(" after epoch ").append((int) x[x.length - 1])
                .append(" (lowest ").append(Markup.number(y[best])).append(", epoch ").append((int) x[best])
                .append(").");
        int skipped = run.epochs().size() - finite.size();
        if (skipped > 0) {
            h.append(" ").append(skipped).append(" epoch(s) with an infinite perplexity are not drawn.");
        }
        h.append("</p>\n");
        figure(h, SvgPlot.lineChart("Perplexity against epoch", "epoch", "perplexity", List.of(Series.of("train",
                x, y)), Scale.LOG), "perplexity-chart");
        h.append("</section>\n");
    }

    // ----- 2. gradient norm and clipping -------------------------------------------------------------------------

    private void clippingSection(StringBuilder h) {
        h.append("<section id=\"clipping\">\n<h2>2. Gradient norm before clipping <span lang=\"zh\">梯度剪裁</span>"
                + "</h2>\n");
        double theta = run.theta();
        double[] norms = run.gradNorms();
        h.append("<p class=\"formula\">‖g‖ = √(Σ over all parameters of Σ grad²), then g ← min(1, θ / ‖g‖) · g"
                + "</p>\n");
        if (norms.length == 0) {
            h.append("<p>No minibatch was trained.</p>\n</section>\n");
            return;
        }
        int[] epochs = run.minibatchEpochs();
        int[] numbers = run.minibatchNumbers();
        var perEpoch = new LinkedHashMap<Integer, Integer>();
        for (int i = 0; i < epochs.length; i++) {
            perEpoch.merge(epochs[i], numbers[i], Math::max);
        }
        var xs = new ArrayList<Double>();
        var ys = new ArrayList<Double>();
        for (int i = 0; i < norms.length; i++) {
            if (Double.isFinite(norms[i]) && norms[i] > 0) {
                xs.add(epochs[i] - 1 + (double) numbers[i] / perEpoch.get(epochs[i]));
                ys.add(norms[i]);
            }
        }
        double[] sorted = Arrays.stream(norms).filter(Double::isFinite).sorted().toArray();
        double median = sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
        int largest = IntStream.range(0, norms.length).reduce((a, b) -> norms[b] > norms[a] ? b : a).orElse(0);
        double share = RunRecorder.clippedShare(norms, theta);
        long clipped = Arrays.stream(norms).filter(n -> n > theta).count();
        h.append("<p>Every point is one minibatch: the length ‖g‖ of all the parameters' gradients together, measured "
                + "by <code>gradClipping</code> before it clips. ");
        if (Double.isInfinite(theta)) {
            h.append("Clipping was <strong>off</strong> (θ = ∞): every update used the full gradient. ");
            double bookShare = RunRecorder.clippedShare(norms, 1.0);
            h.append(Arrays.stream(norms).filter(n -> n > 1.0).count()).append(" of ").append(norms.length)
                    .append(" minibatches (").append(Markup.percent(bookShare))
                    .append(") had ‖g‖ &gt; 1 and would have been scaled down with the book's θ = 1. ");
        } else {
            h.append(clipped).append(" of ").append(norms.length).append(" minibatches (")
                    .append(Markup.percent(share)).append(") had ‖g‖ &gt; θ = ").append(Markup.number(theta))
                    .append(" and were scaled down to length θ; the others were used as they were. ");
        }
        h.append("The median ‖g‖ was ").append(Markup.number(median)).append("; the largest ")
                .append(Markup.number(norms[largest])).append(" (epoch ").append(epochs[largest]).append(", minibatch ")
                .append(numbers[largest]).append(").");
        long bad = Arrays.stream(norms).filter(n -> !Double.isFinite(n)).count();
        long zero = Arrays.stream(norms).filter(n -> n == 0).count();
        if (bad + zero > 0) {
            h.append(" Not drawn on the log scale: ").append(bad).append(" norm(s) that are not finite numbers and ")
                    .append(zero).append(" equal to 0.");
        }
        h.append("</p>\n");
        if (!xs.isEmpty()) {
            double[][] points = decimate(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray(), MAX_POINTS);
            var series = new ArrayList<Series>();
            series.add(Series.of(points[0].length < xs.size() ? "‖g‖ (smallest and largest of each stretch)"
                    : "‖g‖ before clipping", points[0], points[1]));
            if (Double.isFinite(theta)) {
                double lo = points[0][0];
                double hi = points[0][points[0].length - 1];
                series.add(new Series("θ = " + Markup.number(theta), new double[] {lo, hi}, new double[] {theta, theta},
                        Dash.DASHED));
            }
            figure(h, SvgPlot.lineChart("Gradient norm before clipping, every minibatch", "epoch",
                    "‖g‖ (log scale)", series, Scale.LOG), "norm-chart");
        }
        if (Double.isFinite(theta)) {
            Map<Integer, Double> shares = clippedSharePerEpoch();
            if (shares.values().stream().anyMatch(s -> s > 0)) {
                double[] ex = shares.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
                double[] percent = shares.values().stream().mapToDouble(s -> 100 * s).toArray();
                figure(h, SvgPlot.lineChart("Minibatches clipped in each epoch", "epoch", "% of minibatches with "
                        + "‖g‖ > θ", List.of(Series.of("clipped", ex, percent)), Scale.LINEAR), "clipped-chart");
            } else {
                h.append("<p>No minibatch had ‖g‖ &gt; θ: clipping never acted in this run, and the run is the same "
                        + "as without it.</p>\n");
            }
        }
        h.append("</section>\n");
    }

    /**
     * At most about {@code max} points of a long series: the points are cut into stretches and each stretch keeps
     * its smallest and its largest value, in their order, so spikes stay visible.
     *
     * @return {@code {x, y}}
     */
    static double[][] decimate(double[] x, double[] y, int max) {
        if (x.length <= max) {
            return new double[][] {x.clone(), y.clone()};
        }
        var kept = new ArrayList<Integer>();
        int stretches = Math.max(1, max / 2);
        for (int b = 0; b < stretches; b++) {
            int from = (int) ((long) b * x.length / stretches);
            int to = (int) ((long) (b + 1) * x.length / stretches);
            int lo = from;
            int hi = from;
            for (int i = from; i < to; i++) {
                lo = y[i] < y[lo] ? i : lo;
                hi = y[i] > y[hi] ? i : hi;
            }
            kept.add(Math.min(lo, hi));
            if (lo != hi) {
                kept.add(Math.max(lo, hi));
            }
        }
        return new double[][] {kept.stream().mapToDouble(i -> x[i]).toArray(),
            kept.stream().mapToDouble(i -> y[i]).toArray()};
    }

    // ----- 3. gradients through time ------------------------------------------------------------------------------

    private void throughTimeSection(StringBuilder h) {
        h.append("<section id=\"through-time\">\n<h2>3. Gradients through time <span lang=\"zh\">通过时间反向传播"
                + "</span></h2>\n");
        List<RunRecorder.Probe> probes = chosenProbes();
        if (run.minibatchCount() == 0) {
            h.append("<p>No minibatch was trained.</p>\n</section>\n");
            return;
        }
        if (probes.isEmpty()) {
            h.append("<p>Not available: the model's <code>rnn</code> function did not report its hidden states H_t, "
                    + "so their gradients could not be kept.</p>\n</section>\n");
            return;
        }
        int steps = probes.get(0).hiddenGradNorms().length;
        h.append("<p>For a few minibatches, the length of ∂l/∂H_t — how much the minibatch's loss l would change with "
                + "the hidden state at step t — for t = 1 … ").append(steps).append(", on a log scale. Reading from "
                + "right to left follows back-propagation back in time: H_").append(steps).append(" gets the gradient "
                + "of its own output only; every step further back adds its own output's share and multiplies what "
                + "comes from later steps by diag(1 − H²)·W_hhᵀ. Where the curve rises to the left the gradient "
                + "grows through the chain of matrix products (it explodes when this goes on), where it falls it "
                + "fades (it vanishes). At t = 1 the chain ends: the state a minibatch starts from is detached (or "
                + "fresh zeros), so no gradient goes further back.</p>\n");
        var series = new ArrayList<Series>();
        var rows = new StringBuilder();
        int dropped = 0;
        for (RunRecorder.Probe p : probes) {
            double[] g = p.hiddenGradNorms();
            var x = new ArrayList<Double>();
            var y = new ArrayList<Double>();
            for (int t = 0; t < g.length; t++) {
                if (Double.isFinite(g[t]) && g[t] > 0) {
                    x.add(t + 1.0);
                    y.add(g[t]);
                } else {
                    dropped++;
                }
            }
            boolean isLargest = run.largestProbe().filter(l -> l.epoch() == p.epoch()
                    && l.minibatch() == p.minibatch()).isPresent();
            String name = probeName(p) + (isLargest ? " (largest ‖g‖)" : "");
            if (!x.isEmpty()) {
                series.add(Series.of(name, x.stream().mapToDouble(Double::doubleValue).toArray(),
                        y.stream().mapToDouble(Double::doubleValue).toArray()));
            }
            rows.append("<tr><td>").append(Markup.escape(name)).append("</td><td>").append(Markup.number(p.gradNorm()))
                    .append("</td><td>").append(Markup.number(g[g.length - 1])).append("</td><td>")
                    .append(Markup.number(g[0])).append("</td><td>").append(Markup.number(g[0] / g[g.length - 1]))
                    .append("</td></tr>\n");
        }
        if (!series.isEmpty()) {
            figure(h, SvgPlot.lineChart("‖∂l/∂H_t‖ for t = 1 … " + steps, "time step t", "‖∂l/∂H_t‖ (log scale)",
                    series, Scale.LOG), "through-time-chart");
        }
        if (dropped > 0) {
            h.append("<p>").append(dropped).append(" value(s) equal to 0 or not finite are not drawn (a saturated tanh "
                    + "passes no gradient back: 1 − H² = 0).</p>\n");
        }
        h.append("<table>\n<tr><th>minibatch</th><th>‖g‖ before clipping</th><th>‖∂l/∂H_").append(steps)
                .append("‖</th><th>‖∂l/∂H_1‖</th><th>ratio H_1 / H_").append(steps).append("</th></tr>\n")
                .append(rows).append("</table>\n</section>\n");
    }

    private static String probeName(RunRecorder.Probe p) {
        return "epoch " + p.epoch() + ", minibatch " + p.minibatch();
    }

    /**
     * The first minibatch of up to five epochs spread on a log scale over the run (the first and the last always
     * among them), and the minibatch with the largest ‖g‖.
     */
    List<RunRecorder.Probe> chosenProbes() {
        List<RunRecorder.Probe> first = run.firstMinibatchProbes();
        var chosen = new ArrayList<RunRecorder.Probe>();
        if (!first.isEmpty()) {
            int last = first.get(first.size() - 1).epoch();
            for (int k = 0; k <= 4; k++) {
                double target = Math.pow(last, k / 4.0);
                RunRecorder.Probe nearest = first.get(0);
                for (RunRecorder.Probe p : first) {
                    if (Math.abs(Math.log(p.epoch()) - Math.log(target)) < Math.abs(Math.log(nearest.epoch())
                            - Math.log(target))) {
                        nearest = p;
                    }
                }
                if (!chosen.contains(nearest)) {
                    chosen.add(nearest);
                }
            }
        }
        run.largestProbe().filter(p -> chosen.stream().noneMatch(c -> c.epoch() == p.epoch()
                && c.minibatch() == p.minibatch())).ifPresent(p -> chosen.add(p));
        return chosen;
    }

    // ----- 4. the hidden state ------------------------------------------------------------------------------------

    private void hiddenStateSection(StringBuilder h) {
        h.append("<section id=\"hidden-state\">\n<h2>4. The hidden state <span lang=\"zh\">隐状态</span></h2>\n");
        if (hiddenStates.isEmpty() || hiddenStates.get().tokens().isEmpty()) {
            h.append("<p>Not available for this run.</p>\n</section>\n");
            return;
        }
        HiddenStates s = hiddenStates.get();
        int[] units = s.readableUnits(HEATMAP_UNITS);
        h.append("<p>The final model reads the sample prefix (").append(s.prefixLength())
                .append(" tokens) and then its own continuation, one token at a time, as <code>predict_ch8</code> "
                + "does. Each column is the hidden state H_t = tanh(X_t·W_xh + H_{t−1}·W_hh + b_h) after reading the "
                + "token under it; each row one hidden unit. Shown: ").append(units.length).append(" of ")
                .append(s.numHiddens()).append(" units, those whose value varies most over this text. Blue is "
                + "negative, red positive, white 0; a unit stuck at ±1 is saturated (its tanh passes almost no "
                + "gradient). Hover over a cell for its value.</p>\n");
        double[][] byTime = s.values();
        double[][] cells = new double[units.length][byTime.length];
        for (int r = 0; r < units.length; r++) {
            for (int t = 0; t < byTime.length; t++) {
                cells[r][t] = byTime[t][units[r]];
            }
        }
        figure(h, Heatmap.svg("Hidden state H_t while reading (" + units.length + " of " + s.numHiddens()
                + " units)", "time step t (the token read at t; the state is H_t after reading it)", s.tokens(),
                Arrays.stream(units).mapToObj(u -> "unit " + u).toList(), cells,
                new Heatmap.Split(s.prefixLength(), "read", "predicted and fed back")), "heatmap");
        h.append("</section>\n");
    }

    // ----- 5. samples and settings -------------------------------------------------------------------------------

    private void samplesSection(StringBuilder h) {
        h.append("<section id=\"samples\">\n<h2>5. Samples and settings</h2>\n");
        List<RunRecorder.Sample> samples = run.samples();
        if (samples.isEmpty()) {
            h.append("<p>No sample was shown (they come every 10 epochs and after the last).</p>\n");
        } else {
            h.append("<p>What the model wrote after the prefix every 10 epochs (greedy <code>predict_ch8</code>, "
                    + "50 tokens):</p>\n<table class=\"samples\">\n<tr><th>epoch</th><th>sample</th></tr>\n");
            for (RunRecorder.Sample s : samples) {
                h.append("<tr><td>").append(s.epoch()).append("</td><td><code>").append(Markup.escape(s.text()))
                        .append("</code></td></tr>\n");
            }
            h.append("</table>\n");
        }
        run.result().filter(r -> !r.predictions().isEmpty()).ifPresent(r -> {
            h.append("<p>Final predictions:</p>\n<ul>\n");
            r.predictions().forEach(p -> h.append("<li><code>").append(Markup.escape(p)).append("</code></li>\n"));
            h.append("</ul>\n");
        });
        h.append("<h3>Settings</h3>\n<table class=\"settings\">\n");
        settings.forEach((k, v) -> h.append("<tr><th>").append(Markup.escape(k)).append("</th><td>")
                .append(Markup.escape(v)).append("</td></tr>\n"));
        h.append("</table>\n</section>\n");
    }

    // ----- helpers ------------------------------------------------------------------------------------------------

    /** An SVG document inlined as a figure: its XML prolog dropped and its element ids made unique. */
    private static void figure(StringBuilder h, String svg, String id) {
        String body = svg.startsWith("<?xml") ? svg.substring(svg.indexOf("?>") + 2).stripLeading() : svg;
        body = body.replace("id=\"plot-area\"", "id=\"" + id + "-area\"");
        h.append("<figure id=\"").append(id).append("\">\n").append(body).append("</figure>\n");
    }

    private static final String CSS = String.join("\n",
            "body { font-family: 'DejaVu Sans', Arial, sans-serif; max-width: 60em; margin: 1.5em auto; "
                    + "padding: 0 1em; color: #222; line-height: 1.45; }",
            "h1 { font-size: 1.5em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }",
            "p.status { font-weight: bold; } p.formula { font-family: 'DejaVu Serif', serif; text-align: center; }",
            "figure { margin: 1em 0; } figure svg { max-width: 100%; height: auto; display: block; }",
            "table { border-collapse: collapse; margin: 0.8em 0; } th, td { border: 1px solid #ccc; "
                    + "padding: 0.2em 0.6em; text-align: left; vertical-align: top; }",
            "table.samples code { white-space: pre-wrap; } code { font-family: 'DejaVu Sans Mono', monospace; }",
            "footer { margin-top: 3em; font-size: 0.85em; color: #666; }",
            "@media print { body { max-width: none; margin: 0; } section { break-before: page; } "
                    + "figure, table, tr { break-inside: avoid; } .toc { display: none; } a { color: inherit; "
                    + "text-decoration: none; } }",
            "");

    /** The share of minibatches clipped in each epoch, {@code epoch → share}, for tests and the docs. */
    Map<Integer, Double> clippedSharePerEpoch() {
        var shares = new LinkedHashMap<Integer, Double>();
        for (int e : Arrays.stream(run.minibatchEpochs()).distinct().toArray()) {
            shares.put(e, RunRecorder.clippedShare(run.gradNorms(e), run.theta()));
        }
        return shares;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RunReport[%s, %d epochs, %d minibatches]", title, run.epochs().size(),
                run.minibatchCount());
    }
}
