package rnnscratch.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What one command line printed and returned, run through {@link Main#run(List, PrintStream, PrintStream)}.
 *
 * @param code the exit code
 * @param out  everything printed on stdout
 * @param err  everything printed on stderr
 */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        return of(List.of(args));
    }

    static CliRun of(List<String> args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Whether stderr shows a Java stack trace: never acceptable for a user's mistake. */
    boolean showsStackTrace() {
        return err.contains("\tat ") || err.contains("Exception in thread");
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
