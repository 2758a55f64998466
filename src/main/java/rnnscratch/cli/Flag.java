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
 */
public record Flag(String name, String valueName, String defaultValue, String help, Kind kind, List<String> choices,
        boolean required) {

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

    /** The largest {@link Kind#COUNT}: anything larger is certainly a typo and would not fit in memory. */
    static final int MAX_COUNT = 1 << 24;

    public Flag {
        choices = List.copyOf(choices);
    }

    /** A flag taking a whole number {@code >= 1}. */
    static Flag count(String name, int defaultValue, String help) {
        return new Flag(name, "N", String.valueOf(defaultValue), help, Kind.COUNT, List.of(), false);
    }

    /** A flag of any kind but {@link Kind#CHOICE}, with a default (empty: none). */
    static Flag of(String name, String valueName, String defaultValue, String help, Kind kind) {
        return new Flag(name, valueName, defaultValue, help, kind, List.of(), false);
    }

    /** A flag taking one of {@code choices}; the first is the default. */
    static Flag choice(String name, String help, String... choices) {
        return new Flag(name, String.join("|", choices), choices[0], help, Kind.CHOICE, List.of(choices), false);
    }

    /** A flag without a value, off unless given. */
    static Flag toggle(String name, String help) {
        return new Flag(name, "", "", help, Kind.SWITCH, List.of(), false);
    }

    /** A flag the command cannot run without. */
    static Flag required(String name, String valueName, String help, Kind kind) {
        return new Flag(name, valueName, "", help, kind, List.of(), true);
    }

    /** One line of the help text: the flag, its value, what it does, and its default. */
    String helpLine() {
        String left = kind == Kind.SWITCH ? name : name + " " + valueName;
        String dflt = required ? " (required)" : defaultValue.isEmpty() ? "" : " (default: " + defaultValue + ")";
        return String.format(Locale.ROOT, "  %-25s %s%s", left, help, dflt);
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
        boolean ok = kind == Kind.COUNT_OR_ALL ? n == -1 || (n >= 1 && n <= Integer.MAX_VALUE)
                : n >= 1 && n <= MAX_COUNT;
        if (!ok) {
            throw new UserException(name + " must be " + (kind == Kind.COUNT_OR_ALL ? "a whole number >= 1, or -1 "
                    + "for all" : "a whole number from 1 to " + MAX_COUNT) + ", got " + value);
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
            throw new UserException(name + " must be a number > 0" + (kind == Kind.POSITIVE_OR_NONE
                    ? " (or none to switch it off)" : "") + ", got " + value);
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
