package rnnscratch.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.UserException;
import rnnscratch.io.DoubleArray;
import rnnscratch.io.Npz;
import rnnscratch.rnn.RnnParams;
import rnnscratch.testing.Props;
import rnnscratch.testing.Vocabs;
import rnnscratch.text.Vocab;

/** Checkpoints: the five parameters, the vocabulary and the settings in one .npz. Docs: docs/file-formats.md */
@DisplayName("Checkpoints keep parameters, vocabulary and settings, and refuse files that do not fit together")
class CheckpointTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("Saving then loading gives back every parameter bit for bit, the vocabulary and the settings")
    void saveThenLoadKeepsEverything() {
        Path file = dir.resolve("ck.npz");
        Props.qt(40).forAll(integers().between(2, 20), integers().between(1, 6), longs().all())
                .checkAssert((v, h, seed) -> {
                    var params = RnnParams.getParams(v, h, new Random(seed));
                    params.b_h().value()[0][0] = seed * 1e-3; // biases are zero after getParams: make one not
                    var config = new LinkedHashMap<String, String>();
                    config.put("token", "char");
                    config.put("epochs_done", "7");
                    new Checkpoint(params, Vocabs.characters(v), config).save(file);

                    Checkpoint back = Checkpoint.load(file, "re-save it or pass another --init file");
                    for (int i = 0; i < RnnParams.NAMES.size(); i++) {
                        assertThat(back.params().list().get(i).value()).as(RnnParams.NAMES.get(i))
                                .isDeepEqualTo(params.list().get(i).value());
                    }
                    assertThat(back.vocab().idxToToken()).as("the tokens, the space included")
                            .isEqualTo(Vocabs.characters(v).idxToToken());
                    assertThat(back.config()).as("the settings of config.txt").isEqualTo(config);
                    assertThat(back.epochsDone()).as("epochs_done").isEqualTo(7);
                    assertThat(back.config().get("token")).as("the token kind").isEqualTo("char");
                });
    }

    @Test
    @DisplayName("Arrays whose shapes do not fit W_xh are refused, naming the array and the shape it needs")
    void misfittingShapesAreRefused() {
        var params = RnnParams.getParams(5, 3, new Random(0));
        var arrays = new LinkedHashMap<>(Checkpoint.arrays(params));
        arrays.put("W_hh", DoubleArray.fromMatrix(new double[3][4]));
        Path file = dir.resolve("bad.npz");
        Npz.savez(file, arrays, Map.of("vocab.txt", String.join("\n", Vocabs.characters(5).idxToToken()) + "\n"));
        assertThatThrownBy(() -> Checkpoint.load(file, "re-save it or pass another --init file")).isInstanceOf(UserException.class)
                .hasMessage("checkpoint " + file + " is inconsistent: W_hh has shape (3, 4) but W_xh (5, 3) needs "
                        + "(3, 3): re-save it or pass another --init file");
    }

    @Test
    @DisplayName("A config.txt whose epochs_done is not a whole number is refused, naming the line, so a resumed run never counts from a wrong start")
    void epochsDoneMustBeAWholeNumber() {
        var params = RnnParams.getParams(5, 3, new Random(0));
        Path file = dir.resolve("edited.npz");
        String vocab = String.join("\n", Vocabs.characters(5).idxToToken()) + "\n";
        for (String bad : List.of("abc", "-5", "2.5", "", "99999999999")) {
            Npz.savez(file, Checkpoint.arrays(params), Map.of("vocab.txt", vocab, "config.txt",
                    "token=char\nepochs_done=" + bad + "\n"));
            assertThatThrownBy(() -> Checkpoint.load(file, "re-save it or pass another --init file"))
                    .as("epochs_done=%s", bad).isInstanceOf(UserException.class)
                    .hasMessage("checkpoint " + file + ": its config.txt says epochs_done=" + bad
                            + ", not a whole number of epochs: re-save it or pass another --init file");
        }
        Npz.savez(file, Checkpoint.arrays(params), Map.of("vocab.txt", vocab, "config.txt", "epochs_done= 12 \n"));
        assertThat(Checkpoint.load(file, "-").epochsDone()).as("spaces around the number are fine").isEqualTo(12);
        Npz.savez(file, Checkpoint.arrays(params), Map.of("vocab.txt", vocab));
        assertThat(Checkpoint.load(file, "-").epochsDone()).as("no config.txt: no epochs known").isZero();
    }

    @Test
    @DisplayName("A vocabulary of another size than W_xh's rows is refused")
    void wrongVocabularyIsRefused() {
        Path file = dir.resolve("bad.npz");
        Npz.savez(file, Checkpoint.arrays(RnnParams.getParams(5, 3, new Random(0))), Map.of("vocab.txt", "<unk>\na\n"));
        assertThatThrownBy(() -> Checkpoint.load(file, "re-save it or pass another --checkpoint file"))
                .as("2 tokens in vocab.txt, 5 rows in W_xh").isInstanceOf(UserException.class)
                .hasMessageContaining("vocab.txt lists 2 tokens but W_xh has 5 rows");
    }

    @Test
    @DisplayName("A parameter holding NaN is refused, naming it")
    void nanValuesAreRefused() {
        var params = RnnParams.getParams(5, 3, new Random(0));
        Path file = dir.resolve("bad.npz");
        params.W_hq().value()[1][2] = Double.NaN;
        Npz.savez(file, Checkpoint.arrays(params),
                Map.of("vocab.txt", String.join("\n", Vocabs.characters(5).idxToToken()) + "\n"));
        assertThatThrownBy(() -> Checkpoint.load(file, "re-save it or pass another --checkpoint file"))
                .as("W_hq[1][2] = NaN").isInstanceOf(UserException.class)
                .hasMessageContaining("W_hq holds NaN or infinite values");
    }

    @Test
    @DisplayName("A checkpoint fits a corpus only with the same tokens in the same order")
    void fitsOnlyTheSameVocabulary() {
        var checkpoint = new Checkpoint(RnnParams.getParams(4, 3, new Random(0)), Vocabs.characters(4), Map.of());
        Path file = Path.of("x.npz");
        checkpoint.requireFits(file, Vocabs.characters(4));
        assertThatThrownBy(() -> checkpoint.requireFits(file, Vocabs.characters(6))).as("4 tokens against 6")
                .isInstanceOf(UserException.class).hasMessage("checkpoint x.npz has a vocabulary of 4 tokens but "
                        + "the corpus has 6: train from scratch or use the corpus it was trained on");
        var swapped = Vocab.fromTokens(List.of(Vocab.UNK, " ", "b", "a"));
        assertThatThrownBy(() -> checkpoint.requireFits(file, swapped)).as("tokens a and b swapped")
                .isInstanceOf(UserException.class).hasMessageContaining("(token 2 is 'a' there, 'b' here)");
    }
}
