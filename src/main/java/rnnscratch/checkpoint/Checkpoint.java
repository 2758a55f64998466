package rnnscratch.checkpoint;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rnnscratch.UserException;
import rnnscratch.io.DoubleArray;
import rnnscratch.io.Npz;
import rnnscratch.rnn.RnnParams;
import rnnscratch.text.Vocab;

/**
 * A trained model on disk: a NumPy {@code .npz} holding the five parameters as float64 arrays
 * ({@code W_xh (V, H)}, {@code W_hh (H, H)}, {@code b_h (H,)}, {@code W_hq (H, V)}, {@code b_q (V,)}), the
 * vocabulary as {@code vocab.txt} (UTF-8, one token per line in index order), and the run's settings as
 * {@code config.txt} ({@code key=value} lines). It is the layout of the book's reference script
 * ({@code d2l_rnn.py --save/--init}), which ignores {@code config.txt}; a checkpoint without it (one that script or
 * numpy wrote) says nothing about its tokens.
 *
 * <p>Docs: docs/file-formats.md, docs/command-line.md
 *
 * @param params the parameters, biases as {@code double[1][n]} rows
 * @param vocab  the vocabulary the rows of {@code W_xh} belong to
 * @param config the settings, in the order written (keys: token, preprocess, hiddens, batch_size, num_steps, lr,
 *               theta, iter, seed, epochs_done, corpus, max_tokens); empty when the file had none
 */
public record Checkpoint(RnnParams params, Vocab vocab, Map<String, String> config) {
    /** The entry holding the vocabulary. */
    public static final String VOCAB = "vocab.txt";
    /** The entry holding the settings. */
    public static final String CONFIG = "config.txt";

    /** @throws IllegalArgumentException if the vocabulary's size is not the rows of {@code W_xh} */
    public Checkpoint {
        if (vocab.size() != params.vocabSize()) {
            throw new IllegalArgumentException("Checkpoint: a vocabulary of " + vocab.size() + " tokens for W_xh "
                    + params.W_xh().shape());
        }
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /**
     * Writes the checkpoint atomically (a temporary file renamed over {@code file}), uncompressed as
     * {@code numpy.savez} writes it.
     *
     * @throws UserException if the file cannot be written
     */
    public void save(Path file) {
        var configText = new StringBuilder();
        config.forEach((k, v) -> configText.append(k).append('=').append(v.replaceAll("[\\r\\n]+", " ")).append('\n'));
        var texts = new LinkedHashMap<String, String>();
        texts.put(VOCAB, String.join("\n", vocab.idxToToken()) + "\n");
        texts.put(CONFIG, configText.toString());
        Npz.savez(file, arrays(params), texts);
    }

    /** The five parameters as the arrays of a checkpoint, in the book's order, biases as rank-1 vectors. */
    public static Map<String, DoubleArray> arrays(RnnParams params) {
        var arrays = new LinkedHashMap<String, DoubleArray>();
        arrays.put("W_xh", DoubleArray.fromMatrix(params.W_xh().value()));
        arrays.put("W_hh", DoubleArray.fromMatrix(params.W_hh().value()));
        arrays.put("b_h", DoubleArray.vector(params.b_h().value()[0]));
        arrays.put("W_hq", DoubleArray.fromMatrix(params.W_hq().value()));
        arrays.put("b_q", DoubleArray.vector(params.b_q().value()[0]));
        return arrays;
    }

    /**
     * Reads a checkpoint and checks that its shapes fit together, its values are finite and its vocabulary has one
     * token per row of {@code W_xh}.
     *
     * @param remedy what the user can do about a bad file, the end of every message, e.g. "re-save it or load another
     *               checkpoint"
     * @throws UserException if the file is missing, unreadable, truncated, corrupt or inconsistent
     */
    public static Checkpoint load(Path file, String remedy) {
        Npz npz = Npz.load(file, "checkpoint", remedy);
        var arrays = new LinkedHashMap<String, DoubleArray>();
        for (String name : RnnParams.NAMES) {
            DoubleArray a = npz.doubles(name);
            if (Arrays.stream(a.data()).anyMatch(x -> !Double.isFinite(x))) {
                throw new UserException("checkpoint " + file + ": " + name + " holds NaN or infinite values (the run "
                        + "that saved it diverged): " + remedy);
            }
            arrays.put(name, a);
        }
        int[] wxh = arrays.get("W_xh").shape();
        if (wxh.length != 2 || wxh[0] < 1 || wxh[1] < 1) {
            throw inconsistent(file, "W_xh has shape " + shape(wxh) + " where (vocab, hidden) belongs", remedy);
        }
        int v = wxh[0];
        int h = wxh[1];
        requireShape(file, arrays, "W_hh", remedy, new int[] {h, h});
        requireShape(file, arrays, "b_h", remedy, new int[] {h}, new int[] {1, h});
        requireShape(file, arrays, "W_hq", remedy, new int[] {h, v});
        requireShape(file, arrays, "b_q", remedy, new int[] {v}, new int[] {1, v});
        Vocab vocab = vocab(file, npz.text(VOCAB), v, remedy);
        var params = RnnParams.of(arrays.get("W_xh").toMatrix(), arrays.get("W_hh").toMatrix(),
                arrays.get("b_h").toMatrix(), arrays.get("W_hq").toMatrix(), arrays.get("b_q").toMatrix());
        var config = npz.contains(CONFIG) ? parseConfig(npz.text(CONFIG)) : Map.<String, String>of();
        String epochsDone = config.getOrDefault("epochs_done", "0");
        if (!epochsDone.matches("[0-9]{1,9}")) {
            throw new UserException("checkpoint " + file + ": its " + CONFIG + " says epochs_done=" + epochsDone
                    + ", not a whole number of epochs: " + remedy);
        }
        return new Checkpoint(params, vocab, config);
    }

    /**
     * Epochs already trained ({@code epochs_done} of {@code config.txt}; 0 when absent). {@link #load} refuses a file
     * whose {@code epochs_done} is not a whole number, so a resumed run never counts from a wrong start.
     */
    public int epochsDone() {
        try {
            return Math.max(0, Integer.parseInt(config.getOrDefault("epochs_done", "0").strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Checks that this checkpoint can go on training on a corpus: the same tokens, numbered the same way.
     *
     * @throws UserException naming the mismatch and what to do
     */
    public void requireFits(Path file, Vocab corpusVocab) {
        List<String> mine = vocab.idxToToken();
        List<String> theirs = corpusVocab.idxToToken();
        if (mine.size() != theirs.size()) {
            throw new UserException("checkpoint " + file + " has a vocabulary of " + mine.size() + " tokens but the "
                    + "corpus has " + theirs.size() + ": train from scratch or use the corpus it was trained on");
        }
        for (int i = 0; i < mine.size(); i++) {
            if (!mine.get(i).equals(theirs.get(i))) {
                throw new UserException("checkpoint " + file + " numbers its tokens differently from the corpus "
                        + "(token " + i + " is '" + mine.get(i) + "' there, '" + theirs.get(i) + "' here): train "
                        + "from scratch or use the corpus it was trained on");
            }
        }
    }

    private static void requireShape(Path file, Map<String, DoubleArray> arrays, String name, String remedy,
            int[]... allowed) {
        int[] shape = arrays.get(name).shape();
        for (int[] ok : allowed) {
            if (Arrays.equals(shape, ok)) {
                return;
            }
        }
        throw inconsistent(file, name + " has shape " + shape(shape) + " but W_xh "
                + shape(arrays.get("W_xh").shape()) + " needs " + shape(allowed[0]), remedy);
    }

    private static UserException inconsistent(Path file, String problem, String remedy) {
        return new UserException("checkpoint " + file + " is inconsistent: " + problem + ": " + remedy);
    }

    /** The tokens of {@code vocab.txt}: lines split at {@code \n} only (a token may be a space), last one ended. */
    private static Vocab vocab(Path file, String text, int rows, String remedy) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        List<String> tokens = List.of(body.split("\n", -1));
        if (tokens.size() != rows) {
            throw inconsistent(file, VOCAB + " lists " + tokens.size() + " tokens but W_xh has " + rows + " rows",
                    remedy);
        }
        try {
            return Vocab.fromTokens(tokens);
        } catch (IllegalArgumentException e) {
            throw new UserException("checkpoint " + file + " has a damaged " + VOCAB + " ("
                    + e.getMessage().replace("Vocab.fromTokens: ", "") + "): " + remedy, e);
        }
    }

    private static Map<String, String> parseConfig(String text) {
        var config = new LinkedHashMap<String, String>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                config.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return config;
    }

    /** A shape as NumPy prints it: {@code (3, 4)}, {@code (4,)}. */
    private static String shape(int[] dims) {
        var parts = Arrays.stream(dims).mapToObj(String::valueOf).toList();
        return "(" + String.join(", ", parts) + (dims.length == 1 ? ",)" : ")");
    }
}
