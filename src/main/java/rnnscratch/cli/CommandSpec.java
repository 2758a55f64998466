package rnnscratch.cli;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rnnscratch.UserException;

/**
 * A command's name, what it does, and its table of flags: the one place its {@code --help} text and its parser come
 * from.
 *
 * <p>Docs: docs/command-line.md
 *
 * @param name    the command word, e.g. {@code train}
 * @param summary one line saying what the command does
 * @param flags   every flag it accepts, in the order the help lists them
 */
public record CommandSpec(String name, String summary, List<Flag> flags) {

    /** @throws IllegalArgumentException if two flags share a name */
    public CommandSpec {
        flags = List.copyOf(flags);
        var names = new HashSet<String>();
        for (Flag f : flags) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("CommandSpec " + name + ": flag " + f.name() + " is listed twice");
            }
        }
    }

    /** The flag called {@code name}, if the command has one. */
    public Optional<Flag> flag(String name) {
        return flags.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The {@code --help} text: usage, summary, then one line per flag with its default. */
    public String help() {
        var text = new StringBuilder();
        text.append("usage: java -jar target/rnn-scratch.jar ").append(name).append(" [flags]\n");
        text.append("  ").append(summary).append("\n\n");
        int width = Math.max(25, flags.stream().mapToInt(f -> f.usage().length()).max().orElse(0));
        for (Flag f : flags) {
            text.append(f.helpLine(width)).append('\n');
        }
        text.append(String.format("  %-" + width + "s %s%n", "--help", "print this text"));
        return text.toString();
    }

    /**
     * Reads {@code --name value} and {@code --name=value} pairs. {@code --help} anywhere, or {@code -h} where a
     * flag could stand, asks for the help text instead ({@code --prefix -h} is a prefix, not a request for help).
     *
     * @throws UserException for an unknown flag, a stray word, a missing value, a flag given twice, a value of the
     *                       wrong kind, or a required flag left out; the message says what to do
     */
    public Args parse(List<String> argv) {
        if (asksForHelp(argv)) {
            return new Args(this, Map.of(), true);
        }
        var given = new LinkedHashMap<String, String>();
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (!arg.startsWith("--")) {
                throw new UserException("unexpected argument '" + arg + "' for " + name + ": flags start with -- "
                        + seeHelp());
            }
            int eq = arg.indexOf('=');
            String flagName = eq < 0 ? arg : arg.substring(0, eq);
            Flag flag = flag(flagName).orElseThrow(() -> new UserException("unknown flag " + flagName + " for "
                    + name + closest(flagName).map(f -> ": did you mean " + f + "?").orElse("") + " " + seeHelp()));
            String value;
            if (flag.kind() == Flag.Kind.SWITCH) {
                value = eq >= 0 ? arg.substring(eq + 1) : "";
            } else if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < argv.size() && flag(argv.get(i + 1)).isEmpty()) {
                value = argv.get(++i);
            } else {
                throw new UserException(flagName + " needs a value, e.g. " + flagName + " " + example(flag) + " "
                        + seeHelp());
            }
            flag.check(value);
            if (given.put(flagName, value) != null) {
                throw new UserException(flagName + " is given twice: keep one");
            }
        }
        for (Flag f : flags) {
            if (f.required() && !given.containsKey(f.name())) {
                throw new UserException(name + " needs " + f.name() + " " + f.valueName() + " " + seeHelp());
            }
        }
        return new Args(this, given, false);
    }

    /**
     * Whether the command line asks for the help text: {@code --help} (or {@code --help=…}) anywhere, since no value
     * starts with two dashes, or {@code -h} where a flag could stand — not as the value of the flag before it.
     */
    private boolean asksForHelp(List<String> argv) {
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.equals("--help") || arg.startsWith("--help=") || arg.equals("-h")) {
                return true;
            }
            boolean takesNextAsValue = !arg.contains("=")
                    && flag(arg).map(f -> f.kind() != Flag.Kind.SWITCH).orElse(false);
            if (takesNextAsValue && i + 1 < argv.size() && !argv.get(i + 1).startsWith("--")) {
                i++;
            }
        }
        return false;
    }

    /**
     * The flag a mistyped name most likely meant: the only flag it begins ({@code --temp}), else the only flag
     * nearest to it, a few letters away — at most one for every three letters typed ({@code --epoch}, {@code --sed}),
     * else the longest flag it begins with and goes on past ({@code --outdir} for {@code --out}); nothing when two
     * flags are as near, or none is near enough.
     */
    Optional<String> closest(String typed) {
        var starting = flags.stream().map(Flag::name).filter(n -> n.startsWith(typed)).toList();
        if (starting.size() == 1) {
            return Optional.of(starting.get(0));
        }
        int letters = typed.replaceFirst("^-+", "").length();
        int allowed = Math.max(1, letters / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (Flag f : flags) {
            int d = editDistance(typed, f.name());
            if (d < bestDistance) {
                best = f.name();
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        if (best != null && bestDistance <= allowed && !tie) {
            return Optional.of(best);
        }
        return flags.stream().map(Flag::name).filter(typed::startsWith)
                .max(Comparator.comparingInt(String::length));
    }

    /** Levenshtein distance: the fewest letters inserted, deleted or replaced to turn {@code a} into {@code b}. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] row = new int[b.length() + 1];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(replace, Math.min(previous[j], row[j - 1]) + 1);
            }
            previous = row;
        }
        return previous[b.length()];
    }

    private String seeHelp() {
        return "(see: rnn-scratch " + name + " --help)";
    }

    private static String example(Flag flag) {
        return flag.defaultValue().isEmpty() ? flag.valueName() : flag.defaultValue();
    }
}
