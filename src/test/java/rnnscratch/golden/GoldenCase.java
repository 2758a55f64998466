package rnnscratch.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import rnnscratch.io.Npz;

/**
 * One golden case: a few epochs of the book's PyTorch RNN (d2l ch. 8.5, float64), recorded by
 * {@code src/test/python/make_golden.py} into {@code src/test/resources/golden/NAME.npz}, with everything needed to
 * replay it in Java without the corpus file. See {@code src/test/resources/golden/README.md}.
 *
 * <p>Shapes: {@code corpus int[maxTokens]}; parameters {@code W_xh double[vocab][hidden]},
 * {@code W_hh double[hidden][hidden]}, {@code b_h double[1][hidden]}, {@code W_hq double[hidden][vocab]},
 * {@code b_q double[1][vocab]}; {@code batchesX, batchesY int[epochs][numBatches][batchSize][numSteps]} (random
 * iteration only, else empty); {@code offsets int[epochs]} (sequential only, else empty).
 *
 * @param name           the file name without {@code .npz}, e.g. {@code char-sequential-small}
 * @param token          {@code "char"} or {@code "word"}
 * @param corpus         the token ids, already cut to {@code maxTokens}
 * @param vocab          the tokens in index order; {@code vocab.get(0)} is {@code <unk>}
 * @param init           the parameters before training (from {@code torch.manual_seed(seed)}; get_params)
 * @param batchSize      minibatch size
 * @param numSteps       time steps per minibatch
 * @param numHiddens     hidden units
 * @param lr             learning rate of sgd
 * @param theta          the gradient-clipping threshold, empty when the case does not clip
 * @param useRandomIter  random minibatches (state re-initialised every minibatch) instead of sequential ones
 * @param epochs         number of epochs trained
 * @param seed           the seed given to Python's random and to torch
 * @param maxTokens      the corpus cut
 * @param offsets        the sequential iterator's offset in each epoch (empty for random iteration)
 * @param batchesX       the exact random minibatches' inputs (empty for sequential iteration)
 * @param batchesY       their targets, X shifted by one token
 * @param numBatches     minibatches per epoch
 * @param clippedBatches minibatches per epoch in which grad_clipping changed the gradients
 * @param perplexity     train_epoch's perplexity of each epoch, full precision
 * @param finalParams    the parameters after the last epoch
 * @param prefix         the prefix given to predict ("time traveller"; split into words for word tokens)
 * @param prediction     predict(prefix, 20, net, vocab) after training; d2l joins tokens with "" (no spaces)
 * @param predictionIds  the token ids of {@code prediction}: the prefix, then the 20 predicted ones
 * @param note           a description of the case and of any departure from the book
 * @param versions       python, torch, numpy versions and the reference file's SHA-1
 */
public record GoldenCase(
        String name, String token, int[] corpus, List<String> vocab, Params init,
        int batchSize, int numSteps, int numHiddens, double lr, OptionalDouble theta, boolean useRandomIter,
        int epochs, long seed, int maxTokens, int[] offsets, int[][][][] batchesX, int[][][][] batchesY,
        int[] numBatches, int[] clippedBatches, double[] perplexity, Params finalParams,
        String prefix, String prediction, int[] predictionIds, String note, String versions) {

    /** The five parameters of d2l's RNN, as matrices; biases are {@code 1 x n} rows. */
    public record Params(double[][] wXh, double[][] wHh, double[][] bH, double[][] wHq, double[][] bQ) {
        /** In d2l's order: W_xh, W_hh, b_h, W_hq, b_q. */
        public List<double[][]> asList() {
            return List.of(wXh, wHh, bH, wHq, bQ);
        }

        static Params read(Npz npz, String prefix) {
            return new Params(npz.matrix(prefix + "W_xh"), npz.matrix(prefix + "W_hh"), npz.matrix(prefix + "b_h"),
                    npz.matrix(prefix + "W_hq"), npz.matrix(prefix + "b_q"));
        }
    }

    /** The directory of the fixtures on the test class path ({@code target/test-classes/golden}). */
    public static Path directory() {
        URL url = GoldenCase.class.getResource("/golden");
        if (url == null) {
            throw new IllegalStateException("src/test/resources/golden is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of all golden cases, sorted. */
    public static List<String> names() {
        try (var files = Files.list(directory())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".npz"))
                    .map(n -> n.substring(0, n.length() - ".npz".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the case {@code name} (e.g. {@code "char-sequential-small"}). */
    public static GoldenCase load(String name) {
        Npz npz = Npz.load(directory().resolve(name + ".npz"), "golden case",
                "regenerate it with src/test/python/make_golden.py");
        int epochs = (int) npz.longScalar("epochs");
        boolean random = npz.longScalar("use_random_iter") != 0;
        boolean clip = npz.longScalar("clip") != 0;
        return new GoldenCase(
                name, npz.text("token.txt"), npz.ints("corpus"), lines(npz.text("vocab.txt")),
                Params.read(npz, "init_"),
                (int) npz.longScalar("batch_size"), (int) npz.longScalar("num_steps"),
                (int) npz.longScalar("num_hiddens"), npz.doubleScalar("lr"),
                clip ? OptionalDouble.of(npz.doubleScalar("theta")) : OptionalDouble.empty(), random,
                epochs, npz.longScalar("seed"), (int) npz.longScalar("max_tokens"),
                random ? new int[0] : npz.ints("offsets"),
                random ? batches(npz, "batches_X") : new int[0][][][],
                random ? batches(npz, "batches_Y") : new int[0][][][],
                npz.ints("num_batches"), npz.ints("clipped_batches"), npz.doubles("perplexity").data(),
                Params.read(npz, "final_"),
                npz.text("prefix.txt"), npz.text("prediction.txt"), npz.ints("prediction_ids"),
                npz.text("note.txt"), npz.text("versions.txt").strip());
    }

    /** The lines of a newline-terminated text, kept exactly (a line holding one space is the space token). */
    private static List<String> lines(String text) {
        var lines = Arrays.asList(text.split("\n", -1));
        return List.copyOf(lines.subList(0, lines.size() - (text.endsWith("\n") ? 1 : 0)));
    }

    /** A rank-4 int64 array as {@code int[epochs][batches][batchSize][numSteps]}. */
    private static int[][][][] batches(Npz npz, String name) {
        int[] shape = npz.array(name).shape();
        int[] flat = npz.ints(name);
        var out = new int[shape[0]][shape[1]][shape[2]][];
        int k = 0;
        for (int[][][] epoch : out) {
            for (int[][] batch : epoch) {
                for (int b = 0; b < batch.length; b++) {
                    batch[b] = Arrays.copyOfRange(flat, k, k + shape[3]);
                    k += shape[3];
                }
            }
        }
        return out;
    }

    /** The number of tokens of the prefix as predict() receives it: characters, or words for word tokens. */
    public int prefixLength() {
        return token.equals("word") ? prefix.split(" ").length : prefix.length();
    }
}
