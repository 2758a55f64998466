package rnnscratch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import rnnscratch.UserException;
import rnnscratch.testing.Props;
import rnnscratch.text.Preprocess;
import rnnscratch.text.TokenKind;

/** The flag parser: one table per command gives the parser, the checks and the help text. */
@DisplayName("Command-line flags: parsed, checked and documented from one table")
class FlagParsingTest {

    /** Real flags of train, a few look-alikes, and stray words. */
    static final List<String> FLAG_WORDS = List.of("--corpus", "--token", "--preprocess", "--max-tokens",
            "--batch-size", "--num-steps", "--hiddens", "--lr", "--epochs", "--theta", "--iter", "--seed", "--init",
            "--save", "--metrics", "--plot", "--prefix", "--threads", "--cache-dir", "--checkpoint", "--num-preds",
            "--foo", "--lr=", "--=3", "--", "-x", "--HIDDENS", "--hiddens=0", "--theta=none", "--epochs=2");

    /** Good and bad values of every kind; no value names a corpus that would be downloaded. */
    static final List<String> VALUES = List.of("1", "2", "0", "-1", "-5", "abc", "", " ", "1e400", "NaN", "Infinity",
            "none", "None", "0.5", "2.5", "99999999999", "char", "word", "WORD", "d2l", "keep", "sequential", "random",
            "bundled", "/nonexistent/dir/x.npz", "x.txt", "time traveller");

    /** A soup: up to ten words, each a flag or a value. */
    static Gen<List<String>> soups(List<String> flagWords, List<String> values) {
        Gen<String> word = booleans().all().flatMap(isFlag -> isFlag ? arbitrary().pick(flagWords)
                : arbitrary().pick(values));
        return lists().of(word).ofSizeBetween(0, 10);
    }

    private static TrainSettings train(String... argv) {
        return TrainSettings.from(TrainCommand.SPEC.parse(List.of(argv)));
    }

    @Test
    @DisplayName("Without flags, train's settings are the book's")
    void defaultsAreTheBooks() {
        var s = train();
        assertThat(s.corpus()).as("the corpus: load_corpus_time_machine").isEqualTo("timemachine");
        assertThat(s.token()).as("token='char'").isEqualTo(TokenKind.CHAR);
        assertThat(s.preprocess()).as("the book's read_time_machine cleaning").isEqualTo(Preprocess.D2L);
        assertThat(s.maxTokens()).as("max_tokens").isEqualTo(10_000);
        assertThat(s.batchSize()).as("batch_size").isEqualTo(32);
        assertThat(s.numSteps()).as("num_steps").isEqualTo(35);
        assertThat(s.hiddens()).as("num_hiddens").isEqualTo(512);
        assertThat(s.hiddensGiven()).as("--hiddens counts as given when it was not").isFalse();
        assertThat(s.lr()).as("lr").isEqualTo(1.0);
        assertThat(s.epochs()).as("num_epochs").isEqualTo(500);
        assertThat(s.theta()).as("the clipping threshold inside train_epoch_ch8").isEqualTo(1.0);
        assertThat(s.randomIter()).as("use_random_iter").isFalse();
        assertThat(s.seed()).as("the seed").isZero();
        assertThat(List.of(s.init(), s.save(), s.metrics(), s.plot()))
                .as("--init, --save, --metrics and --plot: no file unless asked for").allMatch(Optional::isEmpty);
        assertThat(s.prefixFor("The Time Machine")).as("the book's prefix").isEqualTo("time traveller");
        assertThat(s.prefixFor("bundled corpus")).as("the bundled story's phrase").isEqualTo("the clockmaker");
    }

    @Test
    @DisplayName("A flag reads the same as --name value and as --name=value")
    void spaceAndEqualsFormsAgree() {
        var pairs = List.of(List.of("--hiddens", "7"), List.of("--lr", "0.5"), List.of("--theta", "none"),
                List.of("--iter", "random"), List.of("--token", "word"), List.of("--seed", "-3"),
                List.of("--prefix", "a b"), List.of("--max-tokens", "-1"), List.of("--save", "x.npz"));
        Props.qt().forAll(lists().of(booleans().all()).ofSize(pairs.size()), lists().of(booleans().all())
                .ofSize(pairs.size())).checkAssert((use, equalsForm) -> {
                    var spaced = new ArrayList<String>();
                    var mixed = new ArrayList<String>();
                    for (int i = 0; i < pairs.size(); i++) {
                        if (use.get(i)) {
                            spaced.addAll(pairs.get(i));
                            if (equalsForm.get(i)) {
                                mixed.add(pairs.get(i).get(0) + "=" + pairs.get(i).get(1));
                            } else {
                                mixed.addAll(pairs.get(i));
                            }
                        }
                    }
                    assertThat(train(mixed.toArray(String[]::new))).as("%s vs %s", mixed, spaced)
                            .isEqualTo(train(spaced.toArray(String[]::new)));
                });
    }

    @Test
    @DisplayName("Values are read as typed: none is no clipping, random is random iteration, -1 tokens is all")
    void valuesAreReadAsTyped() {
        var s = train("--theta", "none", "--iter", "random", "--max-tokens", "-1", "--lr", "0.25", "--hiddens=9",
                "--prefix", "the time", "--token", "WORD");
        assertThat(s.theta()).as("--theta none: θ = ∞, no clipping").isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.randomIter()).as("--iter random: use_random_iter").isTrue();
        assertThat(s.maxTokens()).as("--max-tokens -1: every token").isEqualTo(-1);
        assertThat(s.lr()).as("--lr 0.25").isEqualTo(0.25);
        assertThat(s.hiddens()).as("--hiddens=9").isEqualTo(9);
        assertThat(s.hiddensGiven()).as("--hiddens=9 counts as given").isTrue();
        assertThat(s.prefixFor("bundled corpus")).as("a given prefix wins over the corpus's").isEqualTo("the time");
        assertThat(s.token()).as("choices ignore case").isEqualTo(TokenKind.WORD);
    }

    @Test
    @DisplayName("A random soup of flags and values gives valid settings or a UserException, nothing else")
    void soupsGiveSettingsOrUserExceptions() {
        Props.qt(300).forAll(soups(FLAG_WORDS, VALUES)).checkAssert(argv -> {
            try {
                train(argv.toArray(String[]::new));
            } catch (UserException e) {
                assertThat(e.getMessage()).as("the message for %s", argv).isNotBlank().doesNotContain("\n");
            }
        });
    }

    @Test
    @DisplayName("Each kind of mistake gets a message that names the flag and what is accepted")
    void mistakesAreExplained() {
        assertThatThrownBy(() -> train("--foo", "1")).isInstanceOf(UserException.class)
                .hasMessage("unknown flag --foo for train (see: rnn-scratch train --help)");
        assertThatThrownBy(() -> train("--epoch", "3")).as("a flag one letter off is named").isInstanceOf(UserException.class)
                .hasMessage("unknown flag --epoch for train: did you mean --epochs? (see: rnn-scratch train --help)");
        assertThatThrownBy(() -> train("--hidens", "64")).isInstanceOf(UserException.class)
                .hasMessageContaining("did you mean --hiddens?");
        assertThatThrownBy(() -> train("--temp", "1")).as("the start of one flag").isInstanceOf(UserException.class)
                .hasMessageContaining("did you mean --temperature?");
        assertThatThrownBy(() -> train("--it", "random")).isInstanceOf(UserException.class)
                .hasMessageContaining("did you mean --iter?");
        assertThatThrownBy(() -> train("--savefile", "x.npz")).as("a flag with more typed after it")
                .isInstanceOf(UserException.class).hasMessageContaining("did you mean --save?");
        assertThatThrownBy(() -> SeqModelCommand.SPEC.parse(List.of("--outdir", "plots")))
                .as("seq-model's --out, typed as --outdir").isInstanceOf(UserException.class)
                .hasMessageContaining("did you mean --out?");
        for (String far : List.of("--x", "--b", "--foo")) {
            assertThatThrownBy(() -> train(far, "1")).as("%s is near no flag, or as near two", far)
                    .isInstanceOf(UserException.class).message().doesNotContain("did you mean");
        }
        assertThatThrownBy(() -> train("--lr")).isInstanceOf(UserException.class)
                .hasMessageStartingWith("--lr needs a value, e.g. --lr 1");
        assertThatThrownBy(() -> train("--lr", "--epochs", "3")).as("a flag is not taken as a value")
                .isInstanceOf(UserException.class).hasMessageStartingWith("--lr needs a value");
        assertThatThrownBy(() -> train("--lr", "abc")).isInstanceOf(UserException.class)
                .hasMessage("--lr expects a number, got 'abc'");
        assertThatThrownBy(() -> train("--hiddens", "2.5")).isInstanceOf(UserException.class)
                .hasMessage("--hiddens expects a whole number, got '2.5'");
        assertThatThrownBy(() -> train("--epochs", "0")).isInstanceOf(UserException.class)
                .hasMessageStartingWith("--epochs must be a whole number from 1 to");
        assertThatThrownBy(() -> train("--lr", "0")).isInstanceOf(UserException.class)
                .hasMessage("--lr must be a number > 0, got 0");
        assertThatThrownBy(() -> train("--theta", "-1")).isInstanceOf(UserException.class)
                .hasMessage("--theta must be a number > 0, or none, got -1");
        assertThatThrownBy(() -> train("--iter", "shuffled")).isInstanceOf(UserException.class)
                .hasMessage("--iter must be sequential or random, got 'shuffled'");
        assertThatThrownBy(() -> train("--seed", "1", "--seed", "2")).isInstanceOf(UserException.class)
                .hasMessage("--seed is given twice: keep one");
        assertThatThrownBy(() -> train("extra")).isInstanceOf(UserException.class)
                .hasMessageStartingWith("unexpected argument 'extra' for train");
        assertThatThrownBy(() -> train("--plot", "p.txt")).isInstanceOf(UserException.class)
                .hasMessageContaining("must end in .svg or .png");
        assertThatThrownBy(() -> train("--save", "x.npz", "--plot", "x.npz")).as("--plot x.npz, the --save file")
                .isInstanceOf(UserException.class);
        assertThatThrownBy(() -> train("--save", "m.npz", "--metrics", "./m.npz")).isInstanceOf(UserException.class)
                .as("two output flags never name one file: each has its own ending")
                .hasMessage("--metrics ./m.npz: the file name must end in .csv, e.g. --metrics runs/x.csv");
        assertThatThrownBy(() -> GenerateCommand.SPEC.parse(List.of("--prefix", "a")))
                .isInstanceOf(UserException.class)
                .hasMessage("generate needs --checkpoint FILE.npz (see: rnn-scratch generate --help)");
    }

    @Test
    @DisplayName("--help anywhere asks for the help text, which lists every flag of the table once with its default")
    void helpListsEveryFlagWithItsDefault() {
        for (CommandSpec spec : List.of(TrainCommand.SPEC, GenerateCommand.SPEC, DemoCommand.SPEC,
                SeqModelCommand.SPEC, BenchCommand.SPEC)) {
            assertThat(spec.parse(List.of("--lr", "--help")).help()).as("%s --lr --help asks for help", spec.name())
                    .isTrue();
            String help = spec.help();
            for (Flag f : spec.flags()) {
                assertThat(help.lines().filter(l -> l.startsWith("  " + f.name() + " ")).count())
                        .as("lines of %s help for %s:\n%s", spec.name(), f.name(), help).isEqualTo(1);
                if (!f.defaultValue().isEmpty()) {
                    assertThat(help).as("%s help for %s", spec.name(), f.name())
                            .contains(f.name() + " " + f.valueName())
                            .contains("(default: " + f.defaultValue() + ")");
                }
            }
        }
    }

    @Test
    @DisplayName("-h where a flag could stand asks for help, as --help and --help=… do; after a flag that takes a value it is that value")
    void dashHIsHelpOnlyWhereAFlagCouldStand() {
        for (var argv : List.of(List.of("-h"), List.of("--epochs", "3", "-h"), List.of("--help=yes"),
                List.of("--prefix", "--help"))) {
            assertThat(TrainCommand.SPEC.parse(argv).help()).as("train %s asks for help", argv).isTrue();
        }
        var args = TrainCommand.SPEC.parse(List.of("--prefix", "-h", "--epochs", "3"));
        assertThat(args.help()).as("train --prefix -h --epochs 3 is a run whose prefix is -h").isFalse();
        assertThat(args.text("--prefix")).as("the prefix of train --prefix -h").isEqualTo("-h");
        assertThat(TrainCommand.SPEC.parse(List.of("--prefix=-h")).text("--prefix"))
                .as("the prefix of train --prefix=-h")
                .isEqualTo("-h");
    }

    @Test
    @DisplayName("A switch such as bench's --no-torch takes no value: given or not, and refused with one")
    void aSwitchTakesNoValue() {
        assertThat(BenchCommand.SPEC.parse(List.of("--no-torch", "--rounds", "2")).isGiven("--no-torch"))
                .as("bench --no-torch --rounds 2: --no-torch is given").isTrue();
        assertThat(BenchCommand.SPEC.parse(List.of("--rounds", "2")).isGiven("--no-torch"))
                .as("bench --rounds 2: --no-torch is not given").isFalse();
        assertThat(BenchCommand.SPEC.parse(List.of("--kernel-only", "--no-torch")).isGiven("--kernel-only"))
                .as("bench --kernel-only --no-torch: --kernel-only is given, not taken as a value").isTrue();
        assertThatThrownBy(() -> BenchCommand.SPEC.parse(List.of("--no-torch=yes"))).isInstanceOf(UserException.class)
                .hasMessage("--no-torch takes no value, got 'yes'");
        assertThatThrownBy(() -> BenchCommand.SPEC.parse(List.of("--no-torch", "yes")))
                .isInstanceOf(UserException.class).hasMessageStartingWith("unexpected argument 'yes' for bench");
        assertThat(BenchCommand.SPEC.help()).as("bench --help lists --no-torch without a value or default")
                .contains("  --no-torch  ").doesNotContain("--no-torch (default");
    }
}
