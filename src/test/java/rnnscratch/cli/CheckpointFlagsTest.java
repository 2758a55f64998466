package rnnscratch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.UserException;
import rnnscratch.checkpoint.Checkpoint;
import rnnscratch.rnn.RnnParams;
import rnnscratch.text.Preprocess;
import rnnscratch.text.TokenKind;
import rnnscratch.testing.Vocabs;
import rnnscratch.text.Vocab;

/** The checkpoints of --init and --checkpoint, checked against the run's flags. Docs: docs/command-line.md */
@DisplayName("An --init checkpoint must fit this run's flags; a bad one is refused naming the flag")
class CheckpointFlagsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("A checkpoint fits a run only with the same kind of token, the same vocabulary and the same hidden "
            + "units")
    void fitsOnlyTheSameTokensAndHiddenUnits() {
        var checkpoint = new Checkpoint(RnnParams.getParams(4, 3, new Random(0)), Vocabs.characters(4), Map.of());
        Path file = Path.of("x.npz");
        CheckpointFlags.requireFits(checkpoint, file, Vocabs.characters(4), TokenKind.CHAR, Preprocess.D2L,
                OptionalInt.of(3));
        assertThatThrownBy(() -> CheckpointFlags.requireFits(checkpoint, file, Vocabs.characters(6), TokenKind.CHAR,
                Preprocess.D2L, OptionalInt.empty())).as("4 tokens in the checkpoint, 6 in the corpus")
                .isInstanceOf(UserException.class)
                .hasMessage("checkpoint x.npz has a vocabulary of 4 tokens but the corpus has 6: train from scratch "
                        + "or use the corpus it was trained on");
        assertThatThrownBy(() -> CheckpointFlags.requireFits(checkpoint, file, Vocabs.characters(4), TokenKind.CHAR,
                Preprocess.D2L, OptionalInt.of(5))).as("3 hidden units in the checkpoint, --hiddens 5")
                .isInstanceOf(UserException.class).hasMessageContaining("has 3 hidden units but --hiddens is 5");
        var charModel = new Checkpoint(checkpoint.params(), Vocabs.characters(4), Map.of("token", "char"));
        assertThatThrownBy(() -> CheckpointFlags.requireFits(charModel, file, Vocabs.characters(4), TokenKind.WORD,
                Preprocess.D2L, OptionalInt.empty())).as("a character model, --token word")
                .isInstanceOf(UserException.class).hasMessageContaining("pass --token char");
        var kept = new Checkpoint(checkpoint.params(), Vocabs.characters(4),
                Map.of("token", "char", "preprocess", "keep"));
        assertThatThrownBy(() -> CheckpointFlags.requireFits(kept, file, Vocabs.characters(4), TokenKind.CHAR,
                Preprocess.D2L, OptionalInt.empty())).as("trained with --preprocess keep, run with d2l")
                .isInstanceOf(UserException.class).hasMessage("checkpoint x.npz was trained with --preprocess keep "
                        + "but this run uses d2l: pass --preprocess keep");
    }

    @Test
    @DisplayName("A checkpoint without config.txt (numpy's, or the book's script's): --token decides, else its "
            + "vocab.txt (words when a token is longer than one character)")
    void withoutConfigTheFlagOrTheVocabularyDecidesTheTokens() {
        var numpys = wordsWithoutConfig();
        Path file = Path.of("words.npz");
        assertThat(CheckpointFlags.token(numpys, file, java.util.Optional.of(TokenKind.WORD)))
                .as("--token word for a vocabulary of words").isEqualTo(TokenKind.WORD);
        assertThat(CheckpointFlags.token(numpys, file, java.util.Optional.empty()))
                .as("with no --token and no config.txt, a vocabulary of words means words").isEqualTo(TokenKind.WORD);
        var chars = new Checkpoint(RnnParams.getParams(4, 3, new Random(0)), Vocabs.characters(4), Map.of());
        assertThat(CheckpointFlags.token(chars, file, java.util.Optional.empty()))
                .as("with no --token and no config.txt, single characters mean characters, as the book")
                .isEqualTo(TokenKind.CHAR);
        assertThatThrownBy(() -> CheckpointFlags.token(numpys, file, java.util.Optional.of(TokenKind.CHAR)))
                .as("--token char for a vocabulary of words").isInstanceOf(UserException.class)
                .hasMessage("checkpoint words.npz holds words in its vocab.txt (e.g. 'the') but --token is char: "
                        + "pass --token word");
    }

    @Test
    @DisplayName("A checkpoint without config.txt fits a corpus only with the same words in the same order")
    void withoutConfigTheVocabularyMustFit() {
        var numpys = wordsWithoutConfig();
        Path file = Path.of("words.npz");
        CheckpointFlags.requireFits(numpys, file, numpys.vocab(), TokenKind.WORD, Preprocess.D2L, OptionalInt.empty());
        var otherWords = Vocab.fromTokens(List.of(Vocab.UNK, "time", "the", "machine"));
        assertThatThrownBy(() -> CheckpointFlags.requireFits(numpys, file, otherWords, TokenKind.WORD,
                Preprocess.D2L, OptionalInt.empty())).as("the vocabulary check still decides")
                .isInstanceOf(UserException.class)
                .hasMessageContaining("numbers its tokens differently from the corpus");
    }

    /** A checkpoint of the words the, time, machine without config.txt, as numpy.savez or the book saves it. */
    private static Checkpoint wordsWithoutConfig() {
        var words = Vocab.fromTokens(List.of(Vocab.UNK, "the", "time", "machine"));
        return new Checkpoint(RnnParams.getParams(4, 3, new Random(0)), words, Map.of());
    }

    @Test
    @DisplayName("A damaged checkpoint is refused with the advice to pass another file with the same flag")
    void aBadFileNamesTheFlag() {
        Path missing = dir.resolve("nope.npz");
        assertThatThrownBy(() -> CheckpointFlags.load("--init", missing)).as("a missing --init file")
                .isInstanceOf(UserException.class)
                .hasMessageEndingWith("re-save it or pass another --init file");
        assertThatThrownBy(() -> CheckpointFlags.load("--checkpoint", missing)).as("a missing --checkpoint file")
                .isInstanceOf(UserException.class)
                .hasMessageEndingWith("re-save it or pass another --checkpoint file");
        assertThat(missing).as("loading a missing checkpoint creates no file").doesNotExist();
    }
}
