package rnnscratch.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import rnnscratch.UserException;

/**
 * The command line: {@code java -jar target/rnn-scratch.jar COMMAND [flags]} (the jar's Main-Class), and
 * {@code mvn -q compile exec:java}, which runs {@code demo}.
 *
 * <p>Commands: {@code train}, {@code generate}, {@code demo}, {@code seq-model}, {@code bench}, {@code help}. A mistake of the
 * user's is one line {@code rnn-scratch: <what is wrong and what to do>} on stderr and exit code 2, never a stack
 * trace. Exit codes: 0 done, 1 a bug (with its stack trace), 2 bad input, 3 training diverged (NaN or infinite
 * loss), 130 stopped by Ctrl-C.
 *
 * <p>Docs: docs/command-line.md
 */
public final class Main {
    /** Exit code for bad input. */
    public static final int EXIT_USAGE = 2;

    private Main() {}

    /** Runs the command line and exits with its code (returning normally on success, as exec:java prefers). */
    public static void main(String[] args) {
        int code = run(List.of(args), System.out, System.err, System.console() != null);
        System.out.flush();
        if (code != 0) {
            System.exit(code);
        }
    }

    /** {@link #run(List, PrintStream, PrintStream, boolean)} for output that is not a terminal (tests, pipes). */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, false);
    }

    /**
     * Runs one command line.
     *
     * @param args     the command word, then its flags
     * @param terminal whether {@code out} is a terminal (progress then rewrites one line)
     * @return the exit code; a user's mistake is one line on {@code err} and 2
     */
    public static int run(List<String> args, PrintStream out, PrintStream err, boolean terminal) {
        if (args.isEmpty()) {
            err.println("rnn-scratch: no command given: use one of " + COMMANDS + " (see: rnn-scratch --help)");
            return EXIT_USAGE;
        }
        List<String> flags = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "train" -> TrainCommand.run(flags, out, err, terminal);
                case "generate" -> GenerateCommand.run(flags, out, err);
                case "demo" -> DemoCommand.run(flags, out, err, terminal);
                case "seq-model" -> SeqModelCommand.run(flags, out, err);
                case "bench" -> BenchCommand.run(flags, out, err);
                case "help", "--help", "-h" -> help(flags, out, err);
                default -> throw new UserException("unknown command '" + args.get(0) + "': use one of " + COMMANDS
                        + " (see: rnn-scratch --help)");
            };
        } catch (UserException e) {
            err.println("rnn-scratch: " + oneLine(Advice.of(e)));
            return EXIT_USAGE;
        } catch (OutOfMemoryError e) {
            err.println("rnn-scratch: out of memory: choose a smaller --hiddens or --batch-size, or give Java more "
                    + "memory (java -Xmx8g -jar ...)");
            return EXIT_USAGE;
        }
    }

    /** The command words, for messages. */
    static final String COMMANDS = "train, generate, demo, seq-model, bench, help";

    /**
     * {@code help}: the overview and every command's flags; {@code help COMMAND}: that command's. {@code help help}
     * (or {@code help --help}) is the overview.
     */
    private static int help(List<String> topic, PrintStream out, PrintStream err) {
        if (!topic.isEmpty() && !List.of("help", "--help", "-h").contains(topic.get(0))) {
            return run(List.of(topic.get(0), "--help"), out, err);
        }
        out.print("""
                rnn-scratch: recurrent neural networks from scratch in plain Java (Dive into Deep Learning, ch. 8)

                usage: java -jar target/rnn-scratch.jar COMMAND [flags]     (COMMAND --help: its flags)
                       mvn -q compile exec:java                             (runs demo)

                commands:
                  train      %s
                  generate   %s
                  demo       %s
                  seq-model  %s
                  bench      %s
                  help       This text; help COMMAND: that command's flags.

                exit codes: 0 done, 2 bad input, 3 training diverged (NaN or infinite loss), 4 trained but an output
                could not be written (stderr says which, and where the model went), 130 stopped by Ctrl-C

                """.formatted(TrainCommand.SPEC.summary(), GenerateCommand.SPEC.summary(),
                DemoCommand.SPEC.summary(), SeqModelCommand.SPEC.summary(), BenchCommand.SPEC.summary()));
        for (CommandSpec spec : List.of(TrainCommand.SPEC, GenerateCommand.SPEC)) {
            out.println(spec.help());
        }
        out.println("demo takes the flags of train with these defaults instead: " + demoDefaults());
        out.println();
        for (CommandSpec spec : List.of(SeqModelCommand.SPEC, BenchCommand.SPEC)) {
            out.println(spec.help());
        }
        return 0;
    }

    /** The demo's defaults that differ from train's, e.g. {@code --corpus default, --hiddens 128}. */
    private static String demoDefaults() {
        var differences = new ArrayList<String>();
        for (Flag f : DemoCommand.SPEC.flags()) {
            String trainDefault = TrainCommand.SPEC.flag(f.name()).map(Flag::defaultValue).orElse("");
            if (!f.defaultValue().equals(trainDefault)) {
                differences.add(f.name() + " " + f.defaultValue());
            }
        }
        return String.join(", ", differences);
    }

    /** A message as one line: line breaks (and the spaces around them) become one space. */
    static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
