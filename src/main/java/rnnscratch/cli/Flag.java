package rnnscratch.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import rnnscratch.UserException;

/**
 * One command-line flag: its name, the value it takes, its default, one line of help, and the kind of value it
 * accepts. Each command lists its flags in one table of these ({@link CommandSpec}); parsing, checking and the
 * {@code --help} text all come from that table.
 *
 * <p>Docs: docs/command-line.md
 *
 * @param name         the flag with its dashes, e.g. {@code --hiddens}
 * @param valueName    how the help text names the value, e.g. {@code N} or {@code char|word}
 * @param defaultValue the value when the flag is not given; empty when there is none
 * @param help         one line saying what the flag does
 * @param kind         which values are accepted
 * @param choices      the accepted words of a {@link Kind#CHOICE} flag (lower case), else empty
 * @param required     whether the command refuses to run without it
 * @param max          the largest value of a {@link Kind#COUNT} or {@link Kind#COUNT_OR_ALL} flag (else unused); the
 *                     help text and the error message state the same range ({@link #range()})
 */
public record Flag(String name, String valueName, String defaultValue, String help, Kind kind, List<String> choices,
        boolean required, int max) {

    /** The kinds of value a flag accepts. */
    public enum Kind {
        /** A whole number {@code >= 1} (sizes, epochs). */
        COUNT,
        /** A whole number {@code >= 1}, or {@code -1} for "all" ({@code --max-tokens}). */
        COUNT_OR_ALL,
        /** Any whole number that fits a {@code long} ({@code --seed}). */
        INTEGER,
        /** A finite number {@code > 0} ({@code --lr}). */
        POSITIVE,
        /** A finite number {@code > 0}, or {@code none} for +infinity ({@code --theta}). */
        POSITIVE_OR_NONE,
        /** One word out of {@link Flag#choices()}, case-insensitive. */
        CHOICE,
        /** Any text that is not empty. */
        TEXT,
        /** A file or folder path. */
        PATH,
        /** No value: the flag is given or not ({@code --no-torch}). */
        SWITCH
    }

    public Flag {
        choices = List.copyOf(choices);
        if ((kind == Kind.COUNT || kind == Kind.COUNT_OR_ALL) && max < 1) {
            throw new IllegalArgumentException("Flag " + name + ": a count needs a largest value >= 1, got " + max);
        }
    }

    /** A flag taking a whole number from 1 to {@code max}. */
    static Flag count(String name, int defaultValue, int max, String help) {
        return new Flag(name, "N", String.valueOf(defaultValue), help, Kind.COUNT, List.of(), false, max);
    }

    /** A flag taking a whole number from 1 to {@code max}, or -1 for "all". */
    static Flag countOrAll(String name, int defaultValue, int max, String help) {
        return new Flag(name, "N", String.valueOf(defaultValue), help, Kind.COUNT_OR_ALL, List.of(), false, max);
    }

    /** A flag of any kind but {@link Kind#CHOICE} and the counts, with a default (empty: none). */
    static Flag of(String name, String valueName, String defaultValue, String help, Kind kind) {
        return new Flag(name, valueName, defaultValue, help, kind, List.of(), false, 0);
    }

    /** A flag taking one of {@code choices}; the first is the default. */
    static Flag choice(String name, String help, String... choices) {
        return new Flag(name, String.join("|", choices), choices[0], help, Kind.CHOICE, List.of(choices), false, 0);
    }

    /** A flag without a value, off unless given. */
    static Flag toggle(String name, String help) {
        return new Flag(name, "", "", help, Kind.SWITCH, List.of(), false, 0);
    }

    /** A flag the command cannot run without. */
    static Flag required(String name, String valueName, String help, Kind kind) {
        return new Flag(name, valueName, "", help, kind, List.of(), true, 0);
    }

    /**
     * The values accepted, as both the help text and the error message say it, e.g. {@code from 1 to 64}; empty
     * where the value name says it all (a choice, a path, any text).
     */
    String range() {
        return switch (kind) {
            case COUNT -> "from 1 to " + max;
            case COUNT_OR_ALL -> "from 1 to " + max + ", or -1 for all";
            case POSITIVE -> "a number > 0";
            case POSITIVE_OR_NONE -> "a number > 0, or none";
            case INTEGER -> "a whole number";
            case CHOICE, TEXT, PATH, SWITCH -> "";
        };
    }

    /** The flag as the help text shows it: {@code --epochs N}. */
    String usage() {
        return kind == Kind.SWITCH ? name : name + " " + valueName;
    }

    /**
     * One line of the help text: the flag, its value, what it does, the values accepted and its default.
     *
     * @param width the width of the flags' column, at least that of {@link #usage}
     */
    String helpLine(int width) {
        String values = range().isEmpty() || kind == Kind.INTEGER ? "" : ", " + range();
        String dflt = required ? " (required)" : defaultValue.isEmpty() ? "" : " (default: " + defaultValue + ")";
        return String.format(Locale.ROOT, "  %-" + width + "s %s%s%s", usage(), help, values, dflt);
    }

    /**
     * Checks a value of this flag, the way the typed accessors of {@link Args} will read it.
     *
     * @throws UserException naming the flag, the value and what is accepted
     */
    void check(String value) {
        switch (kind) {
            case COUNT, COUNT_OR_ALL -> asInt(value);
            case INTEGER -> asLong(value);
            case POSITIVE, POSITIVE_OR_NONE -> asDouble(value);
            case CHOICE -> asChoice(value);
            case TEXT -> asText(value);
            case PATH -> asPath(value);
            case SWITCH -> {
                if (!value.isEmpty()) {
                    throw new UserException(name + " takes no value, got '" + value + "'");
                }
            }
        }
    }

    /** A {@link Kind#COUNT} or {@link Kind#COUNT_OR_ALL} value. */
    int asInt(String value) {
        long n = asLong(value);
        boolean ok = (n >= 1 && n <= max) || (kind == Kind.COUNT_OR_ALL && n == -1);
        if (!ok) {
            throw new UserException(name + " must be a whole number " + range() + ", got " + value.strip());
        }
        return (int) n;
    }

    /** An {@link Kind#INTEGER} value (also the first step of reading a count). */
    long asLong(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new UserException(name + " expects a whole number, got '" + value + "'");
        }
    }

    /** A {@link Kind#POSITIVE} value, or for {@link Kind#POSITIVE_OR_NONE} also {@code none} (+infinity). */
    double asDouble(String value) {
        String v = value.strip();
        if (kind == Kind.POSITIVE_OR_NONE && v.equalsIgnoreCase("none")) {
            return Double.POSITIVE_INFINITY;
        }
        double x;
        try {
            x = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UserException(name + " expects a number" + (kind == Kind.POSITIVE_OR_NONE ? " or none" : "")
                    + ", got '" + value + "'");
        }
        if (!(x > 0) || !Double.isFinite(x)) {
            throw new UserException(name + " must be " + range() + ", got " + value.strip());
        }
        return x;
    }

    /** A {@link Kind#CHOICE} value, lower-cased. */
    String asChoice(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!choices.contains(v)) {
            throw new UserException(name + " must be " + String.join(" or ", choices) + ", got '" + value + "'");
        }
        return v;
    }

    /** A {@link Kind#TEXT} value, as given. */
    String asText(String value) {
        if (value.isEmpty()) {
            throw new UserException(name + " needs a value that is not empty");
        }
        return value;
    }

    /** A {@link Kind#PATH} value. */
    Path asPath(String value) {
        if (value.isBlank()) {
            throw new UserException(name + " needs a path, got '" + value + "'");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UserException(name + " '" + value + "' is not a valid path (" + e.getReason() + ")", e);
        }
    }
}
