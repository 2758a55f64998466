package rnnscratch.cli;

import static rnnscratch.cli.Flag.Kind.INTEGER;
import static rnnscratch.cli.Flag.Kind.PATH;
import static rnnscratch.cli.Flag.Kind.POSITIVE;
import static rnnscratch.cli.Flag.Kind.TEXT;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rnnscratch.UserException;
import rnnscratch.checkpoint.Checkpoint;
import rnnscratch.rnn.Predict;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.Sampling;
import rnnscratch.text.TokenKind;
import rnnscratch.text.Vocab;
import rnnscratch.train.PredictCh8;

/**
 * {@code generate}: loads a checkpoint and continues a prefix with the book's greedy {@code predict_ch8}, printing
 * the prefix followed by the predicted tokens; with {@code --temperature X} the tokens are sampled from
 * {@code softmax(o / X)} instead, repeatably for one {@code --seed}. The vocabulary comes from the checkpoint; the kind
 * of token from {@code --token}, else from its {@code config.txt}, else from its vocabulary (words when a token is
 * longer than one character): a checkpoint without {@code config.txt} (written by numpy or the book's reference
 * script) says nothing else about its tokens ({@link CheckpointFlags#token}).
 *
 * <p>Docs: docs/command-line.md, docs/training.md
 */
public final class GenerateCommand {
    /** The most tokens {@code --num-preds} accepts. */
    static final int MAX_PREDS = 100_000;

    /** The command and its flags. */
    public static final CommandSpec SPEC = new CommandSpec("generate",
            "Continues a prefix with a trained model (the book's predict_ch8).", List.of(
                    Flag.required("--checkpoint", "FILE.npz", "the model, as train --save wrote it", PATH),
                    Flag.of("--prefix", "TEXT", TrainSettings.BOOK_PREFIX, "the text to continue", TEXT),
                    Flag.count("--num-preds", 50, MAX_PREDS, "tokens to predict"),
                    new Flag("--token", "char|word", "", "what one token is (default: the checkpoint's config.txt, "
                            + "else its vocab.txt: word if a token is longer than one character, else char)", Flag.Kind.CHOICE, List.of("char", "word"), false, 0),
                    Flag.of("--temperature", "X", "", "sample each token from softmax(o/X) instead of taking the "
                            + "most likely one (greedy, the book's)", POSITIVE),
                    Flag.of("--seed", "N", "0", "seed of the sampling with --temperature", INTEGER)));

    private GenerateCommand() {}

    /**
     * Runs {@code generate} with {@code argv} (the flags after the command word).
     *
     * @return the exit code, 0
     * @throws UserException for bad input: a bad flag, an unreadable or damaged checkpoint, an empty prefix
     */
    public static int run(List<String> argv, PrintStream out, PrintStream err) {
        Args args = SPEC.parse(argv);
        if (args.help()) {
            out.print(SPEC.help());
            return 0;
        }
        var path = args.path("--checkpoint").orElseThrow();
        var checkpoint = CheckpointFlags.load("--checkpoint", path);
        TokenKind token = CheckpointFlags.token(checkpoint, path,
                args.isGiven("--token") ? Optional.of(TokenKind.parse(args.choice("--token"))) : Optional.empty());
        String prefix = args.text("--prefix");
        if (prefix.isBlank() && token == TokenKind.WORD) {
            throw new UserException("--prefix must hold at least one word: " + path + " is a word-level model");
        }
        unknownTokensNote(prefix, checkpoint.vocab(), token).ifPresent(err::println);
        var net = new RNNModelScratch(checkpoint.params());
        var temperature = args.optionalDouble("--temperature");
        Predict.NextToken next = temperature.isPresent()
                ? Sampling.withTemperature(temperature.getAsDouble(), Sampling.generator(args.longValue("--seed")))
                : Predict.GREEDY;
        out.println(PredictCh8.predict(prefix, args.intValue("--num-preds"), net, checkpoint.vocab(), token, next));
        return 0;
    }

    /**
     * A note for stderr when the prefix holds tokens the vocabulary lacks (they are read as {@code <unk>}), e.g.
     * capitals with the book's lower-case preprocessing.
     */
    static Optional<String> unknownTokensNote(String prefix, Vocab vocab, TokenKind token) {
        List<String> tokens = token == TokenKind.CHAR
                ? prefix.codePoints().mapToObj(Character::toString).toList()
                : List.of(prefix.strip().split("\\s+"));
        var unknown = new ArrayList<String>();
        for (String t : tokens) {
            if (vocab.indexOf(t) == 0 && !unknown.contains(t)) {
                unknown.add(t);
            }
        }
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        boolean one = unknown.size() == 1;
        return Optional.of("note: the model has never seen " + (one ? "the token '" : "the tokens '")
                + String.join("', '", unknown) + "' of the prefix; it reads " + (one ? "it" : "them") + " as <unk>");
    }
}
