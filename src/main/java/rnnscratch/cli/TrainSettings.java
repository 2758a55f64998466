package rnnscratch.cli;

import static rnnscratch.cli.Flag.Kind.INTEGER;
import static rnnscratch.cli.Flag.Kind.PATH;
import static rnnscratch.cli.Flag.Kind.POSITIVE;
import static rnnscratch.cli.Flag.Kind.POSITIVE_OR_NONE;
import static rnnscratch.cli.Flag.Kind.TEXT;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import rnnscratch.UserException;
import rnnscratch.checkpoint.RunConfig;
import rnnscratch.tensor.kernel.Kernel;
import rnnscratch.tensor.kernel.Parallel;
import rnnscratch.text.BundledCorpus;
import rnnscratch.text.Preprocess;
import rnnscratch.text.TimeMachine;
import rnnscratch.text.TokenKind;

/**
 * Everything a {@code train} (or {@code demo}) run needs to know, read and checked from its flags. The defaults are
 * the book's (d2l 8.5): 32 sequences of 35 characters per minibatch, 512 hidden units, lr 1, θ = 1, 500 epochs on
 * the first 10,000 characters of The Time Machine.
 *
 * <p>Docs: docs/command-line.md
 *
 * @param corpus       the corpus spec: {@code timemachine}, {@code bundled}, {@code default} or a path
 * @param token        characters or words
 * @param preprocess   the book's letters-only preprocessing, or every character kept
 * @param maxTokens    tokens kept after the vocabulary is built, or -1 for all
 * @param batchSize    sequences per minibatch
 * @param numSteps     time steps per sequence
 * @param hiddens      hidden units H (with {@code --init}, the checkpoint's decide unless {@code --hiddens} was given)
 * @param hiddensGiven whether {@code --hiddens} was given on the command line
 * @param lr           learning rate of sgd
 * @param epochs       epochs to train
 * @param theta        clipping threshold θ ({@code +∞}: none)
 * @param randomIter   random iteration instead of sequential
 * @param seed         seed of the one {@link java.util.Random} that draws the initial weights, then the minibatches
 * @param init         checkpoint to start from
 * @param save         where to save the checkpoint
 * @param metrics      where to write the metrics CSV
 * @param plot         where to draw perplexity against epoch ({@code .svg} or {@code .png})
 * @param prefix       the text the samples continue; empty when not given (then the corpus decides, see
 *                     {@link #prefixFor(String)})
 * @param threads      threads of the matrix kernel
 * @param kernel       the matrix kernel: {@code PLAIN} or {@code VECTOR} (the Vector API kernel, which needs
 *                     {@code java --add-modules jdk.incubator.vector}); {@code --kernel auto}, the default, gives
 *                     {@link Kernel#fastestHere()}
 * @param cacheDir     where The Time Machine is cached
 * @param temperature  sample the text shown during training from {@code softmax(o / κ)} at the temperature κ (seeded by {@code seed});
 *                     empty: greedy, as the book
 * @param optimizer    the notes' optimizer branch ({@code --optimizer sgd}: an {@code SgdOptimizer}, zeroGrad /
 *                     backward / clip / step) instead of the hand-written {@code sgd} updater (the default)
 * @param report       where to write the run's HTML report
 * @param manualBackward {@code --backward manual}: gradients by the hand-written backpropagation through time
 *                     ({@code rnn.Bptt}) instead of the autograd's tape (the default, {@code autograd})
 */
public record TrainSettings(String corpus, TokenKind token, Preprocess preprocess, int maxTokens, int batchSize,
        int numSteps, int hiddens, boolean hiddensGiven, double lr, int epochs, double theta, boolean randomIter,
        long seed, Optional<Path> init, Optional<Path> save, Optional<Path> metrics, Optional<Path> plot,
        Optional<String> prefix, int threads, Kernel.Choice kernel, Path cacheDir, OptionalDouble temperature,
        boolean optimizer, Optional<Path> report, boolean manualBackward) {

    /** The book's hidden units. */
    public static final int BOOK_HIDDENS = 512;
    /** The book's epochs. */
    public static final int BOOK_EPOCHS = 500;
    /** The prefix of the book's samples. */
    public static final String BOOK_PREFIX = "time traveller";
    /** The recurring phrase of the bundled story, its samples' prefix. */
    public static final String BUNDLED_PREFIX = "the clockmaker";
    /** Most threads {@code --threads} accepts. */
    public static final int MAX_THREADS = 64;
    /** The largest batch size, number of steps or hidden units accepted (the memory check comes on top). */
    public static final int MAX_SIZE = 65_536;
    /** The most epochs accepted. */
    public static final int MAX_EPOCHS = 1_000_000;

    /**
     * The defaults that differ between {@code train} (the book's) and {@code demo} (a short run).
     *
     * @param save    default checkpoint path, or empty for none
     * @param metrics default metrics path, or empty for none
     * @param plot    default plot path, or empty for none
     * @param threads default threads of the matrix kernel
     * @param report  default report path, or empty for none
     */
    public record Defaults(String corpus, int hiddens, int epochs, String save, String metrics, String plot,
            int threads, String report) {
        /** The book's setting, with no output files, on {@link Parallel#threads()} threads (the cores, at most 16). */
        public static Defaults book() {
            return new Defaults("timemachine", BOOK_HIDDENS, BOOK_EPOCHS, "", "", "", Parallel.threads(), "");
        }
    }

    /** The flag table of {@code train}-like commands, with the given defaults. */
    public static List<Flag> flags(Defaults d) {
        return List.of(
                Flag.of("--corpus", "SPEC", d.corpus(), "timemachine (downloaded once, then cached), bundled (the "
                        + "story in the jar), default (timemachine if at hand, else bundled), or a text file's path",
                        TEXT),
                Flag.choice("--token", "what one token is", "char", "word"),
                Flag.choice("--preprocess", "d2l: letters only, lower case (the book's); keep: every character",
                        "d2l", "keep"),
                Flag.countOrAll("--max-tokens", 10000, Integer.MAX_VALUE, "tokens of the corpus to train on"),
                Flag.count("--batch-size", 32, MAX_SIZE, "sequences per minibatch"),
                Flag.count("--num-steps", 35, MAX_SIZE, "time steps per sequence"),
                Flag.count("--hiddens", d.hiddens(), MAX_SIZE, "hidden units H (with --init: the checkpoint's)"),
                Flag.of("--lr", "X", "1", "learning rate of sgd", POSITIVE),
                Flag.count("--epochs", d.epochs(), MAX_EPOCHS, "epochs to train"),
                Flag.of("--theta", "X|none", "1", "gradient clipping threshold θ; none: no clipping",
                        POSITIVE_OR_NONE),
                Flag.choice("--iter", "how minibatches are cut from the corpus", "sequential", "random"),
                Flag.of("--seed", "N", "0", "seed of the one random generator: initial weights, then minibatches",
                        INTEGER),
                Flag.of("--init", "FILE.npz", "", "start from this checkpoint instead of random weights", PATH),
                Flag.of("--save", "FILE.npz", d.save(), "save the checkpoint here at the end (and on Ctrl-C)", PATH),
                Flag.of("--metrics", "FILE.csv", d.metrics(), "write one CSV row per epoch as training goes", PATH),
                Flag.of("--plot", "FILE.svg|.png", d.plot(), "draw perplexity against epoch", PATH),
                Flag.of("--report", "FILE.html", d.report(), "write a one-file HTML report of the run: perplexity, "
                        + "gradient norms and clipping, gradients through time, the hidden state, samples", PATH),
                Flag.of("--prefix", "TEXT", BOOK_PREFIX, "the text samples continue (bundled corpus: "
                        + BUNDLED_PREFIX + ")", TEXT),
                Flag.count("--threads", d.threads(), MAX_THREADS, "threads of the matrix kernel"),
                Flag.choice("--kernel", "auto: the vector kernel where the JVM has its module and the CPU AVX-512, "
                        + "else plain; plain: the plain-Java matrix kernel; vector: the Vector API one (needs java "
                        + "--add-modules jdk.incubator.vector); all give the same numbers", "auto", "plain", "vector"),
                Flag.of("--cache-dir", "DIR", TimeMachine.defaultCacheDir().toString(), "where The Time Machine is "
                        + "cached ($" + TimeMachine.CACHE_ENV + ")", PATH),
                Flag.of("--temperature", "X", "", "sample the text shown during training from softmax(o/X) instead "
                        + "of greedy; repeatable with --seed", POSITIVE),
                Flag.choice("--optimizer", "custom: the book's hand-written sgd function (backward, clip, "
                        + "sgd); sgd: an optimizer object like torch.optim.SGD (zero_grad, backward, clip, step); "
                        + "both compute the same", "custom", "sgd"),
                Flag.choice("--backward", "autograd: gradients from the tape (l.backward(), the book's); manual: "
                        + "backpropagation through time written by hand, no tape (docs/bptt.md); both compute the "
                        + "same", "autograd", "manual"));
    }

    /**
     * Reads the settings from parsed flags and checks what one flag alone cannot: file name endings, the thread
     * count, and that no two output flags name the same file.
     *
     * @throws UserException naming the flag and what to do
     */
    public static TrainSettings from(Args args) {
        var settings = new TrainSettings(args.text("--corpus"), TokenKind.parse(args.choice("--token")),
                Preprocess.parse(args.choice("--preprocess")), args.intValue("--max-tokens"),
                args.intValue("--batch-size"), args.intValue("--num-steps"),
                args.intValue("--hiddens"), args.isGiven("--hiddens"),
                args.doubleValue("--lr"), args.intValue("--epochs"), args.doubleValue("--theta"),
                args.choice("--iter").equals("random"), args.longValue("--seed"), args.path("--init"),
                args.path("--save"), args.path("--metrics"), args.path("--plot"),
                args.isGiven("--prefix") ? Optional.of(args.text("--prefix")) : Optional.empty(),
                args.intValue("--threads"), kernel(args.choice("--kernel")),
                args.path("--cache-dir").orElseThrow(),
                args.optionalDouble("--temperature"), args.choice("--optimizer").equals("sgd"),
                args.path("--report"), args.choice("--backward").equals("manual"));
        settings.check();
        return settings;
    }

    private static Kernel.Choice kernel(String flag) {
        return flag.equals("auto") ? Kernel.fastestHere() : Kernel.Choice.valueOf(flag.toUpperCase(Locale.ROOT));
    }

    private void check() {
        if (kernel == Kernel.Choice.VECTOR && !Kernel.vectorApiAvailable()) {
            throw new UserException("--kernel vector needs the Vector API module: run java --add-modules "
                    + "jdk.incubator.vector -jar target/rnn-scratch.jar ... (or leave out --kernel)");
        }
        save.ifPresent(p -> requireEnding("--save", p, ".npz"));
        metrics.ifPresent(p -> requireEnding("--metrics", p, ".csv"));
        plot.ifPresent(p -> requireEnding("--plot", p, ".svg", ".png"));
        report.ifPresent(p -> requireEnding("--report", p, ".html", ".htm"));
        if (token == TokenKind.WORD && prefix.map(String::isBlank).orElse(false)) {
            throw new UserException("--prefix must hold at least one word with --token word");
        }
    }

    private static void requireEnding(String flag, Path path, String... endings) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String ending : endings) {
            if (name.endsWith(ending) && name.length() > ending.length()) {
                return;
            }
        }
        if (List.of(endings).contains(name)) {
            throw new UserException(flag + " " + path + ": the file needs a name before " + name + ", e.g. " + flag
                    + " runs/x" + name);
        }
        throw new UserException(flag + " " + path + ": the file name must end in " + String.join(" or ", endings)
                + ", e.g. " + flag + " runs/x" + endings[0]);
    }

    /** The prefix of the samples: {@code --prefix} if given, else the bundled story's phrase or the book's. */
    public String prefixFor(String corpusName) {
        return prefix.orElse(corpusName.equals(BundledCorpus.NAME) ? BUNDLED_PREFIX : BOOK_PREFIX);
    }

    /**
     * A one-line description (ASCII) for the plot's title and the log, e.g.
     * {@code char, H=512, lr 1, theta 1, sequential 32x35}.
     */
    public String describe(int numHiddens) {
        return String.format(Locale.ROOT, "%s, H=%d, lr %s, theta %s, %s %dx%d", token.name().toLowerCase(Locale.ROOT),
                numHiddens, RunConfig.number(lr), Double.isInfinite(theta) ? "none" : RunConfig.number(theta),
                randomIter ? "random" : "sequential", batchSize, numSteps);
    }

    /** The settings a checkpoint of this run records ({@code config.txt}), so that it can be continued. */
    public RunConfig runConfig(int numHiddens, int epochsDone, String corpusName) {
        return new RunConfig(token, preprocess, numHiddens, batchSize, numSteps, lr, theta, randomIter, seed,
                epochsDone, corpusName, maxTokens);
    }
}
