package rnnscratch.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import rnnscratch.UserException;
import rnnscratch.checkpoint.Checkpoint;
import rnnscratch.text.Preprocess;
import rnnscratch.text.TokenKind;
import rnnscratch.text.Vocab;

/**
 * The checkpoints the command line reads ({@code train --init}, {@code generate --checkpoint}): loaded with advice
 * that names the flag, and an {@code --init} checkpoint checked against this run's flags before anything is written.
 *
 * <p>Docs: docs/command-line.md
 */
final class CheckpointFlags {
    private CheckpointFlags() {}

    /**
     * The checkpoint {@code file} that {@code flag} names.
     *
     * @throws UserException if the file is missing, unreadable, truncated, corrupt or inconsistent, ending in
     *                       "re-save it or pass another FLAG file"
     */
    static Checkpoint load(String flag, Path file) {
        return Checkpoint.load(file, "re-save it or pass another " + flag + " file");
    }

    /**
     * The kind of token a checkpoint's model reads: {@code --token} if given, else its {@code config.txt}'s, else what
     * its {@code vocab.txt} holds — words when some token (other than {@code <unk>} and reserved tokens such as
     * {@code <pad>}) is longer than one character, else characters. A checkpoint without {@code config.txt} (numpy's,
     * or the reference script's {@code --save}) says nothing else about its tokens; the vocabulary check does the rest.
     *
     * @throws UserException when {@code --token} contradicts the checkpoint's {@code config.txt}, or is {@code char}
     *                       for a vocabulary of words
     */
    static TokenKind token(Checkpoint c, Path file, Optional<TokenKind> given) {
        Optional<TokenKind> recorded;
        try {
            recorded = Optional.ofNullable(c.config().get("token")).map(TokenKind::parse);
        } catch (UserException e) {
            throw new UserException("checkpoint " + file + ": its config.txt says token=" + c.config().get("token")
                    + ", which is neither char nor word: fix that line, or pass the checkpoint of another run", e);
        }
        if (given.isPresent() && recorded.isPresent() && given.get() != recorded.get()) {
            String there = recorded.get().name().toLowerCase(Locale.ROOT);
            throw new UserException("checkpoint " + file + " was trained on " + there + " tokens but --token is "
                    + given.get().name().toLowerCase(Locale.ROOT) + ": pass --token " + there);
        }
        Optional<String> word = c.vocab().idxToToken().stream()
                .filter(t -> !(t.startsWith("<") && t.endsWith(">")) && t.codePointCount(0, t.length()) > 1)
                .findFirst();
        if (recorded.isEmpty() && given.equals(Optional.of(TokenKind.CHAR)) && word.isPresent()) {
            throw new UserException("checkpoint " + file + " holds words in its vocab.txt (e.g. '" + word.get()
                    + "') but --token is char: pass --token word");
        }
        return given.or(() -> recorded).orElse(word.isPresent() ? TokenKind.WORD : TokenKind.CHAR);
    }

    /**
     * Checks that an {@code --init} checkpoint can go on training with this run's flags: the same kind of token and
     * preprocessing, the same vocabulary ({@link Checkpoint#requireFits}), and the hidden units asked for (if
     * {@code --hiddens} was given).
     *
     * @throws UserException naming the mismatch and the flag to change
     */
    static void requireFits(Checkpoint c, Path file, Vocab corpusVocab, TokenKind token, Preprocess preprocess,
            OptionalInt hiddens) {
        token(c, file, Optional.of(token));
        String preprocessHere = preprocess.name().toLowerCase(Locale.ROOT);
        String preprocessThere = c.config().getOrDefault("preprocess", preprocessHere);
        if (!preprocessThere.equals(preprocessHere)) {
            throw new UserException("checkpoint " + file + " was trained with --preprocess " + preprocessThere
                    + " but this run uses " + preprocessHere + ": pass --preprocess " + preprocessThere);
        }
        c.requireFits(file, corpusVocab);
        if (hiddens.isPresent() && hiddens.getAsInt() != c.params().numHiddens()) {
            throw new UserException("checkpoint " + file + " has " + c.params().numHiddens() + " hidden units but "
                    + "--hiddens is " + hiddens.getAsInt() + ": leave out --hiddens to continue from it");
        }
    }
}
