package rnnscratch.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The flags of one command line, after {@link CommandSpec#parse}: every value given has been checked, so the typed
 * accessors below cannot fail on it. A flag that was not given reads as its default.
 *
 * <p>Docs: docs/command-line.md
 *
 * @param spec  the command the flags belong to
 * @param given the flags given, by name, with their values as typed
 * @param help  true when {@code --help} was asked for (the other fields are then empty)
 */
public record Args(CommandSpec spec, Map<String, String> given, boolean help) {

    public Args {
        given = Map.copyOf(given);
    }

    /** Whether the flag was given on the command line (not just defaulted). */
    public boolean isGiven(String name) {
        return given.containsKey(name);
    }

    /** The value of a {@link Flag.Kind#COUNT} or {@link Flag.Kind#COUNT_OR_ALL} flag. */
    public int intValue(String name) {
        return flag(name).asInt(raw(name));
    }

    /** The value of an {@link Flag.Kind#INTEGER} flag. */
    public long longValue(String name) {
        return flag(name).asLong(raw(name));
    }

    /** The value of a {@link Flag.Kind#POSITIVE} flag, or of a {@link Flag.Kind#POSITIVE_OR_NONE} one (none: +∞). */
    public double doubleValue(String name) {
        return flag(name).asDouble(raw(name));
    }

    /** The value of a {@link Flag.Kind#POSITIVE} flag without a default; empty when it was not given. */
    public java.util.OptionalDouble optionalDouble(String name) {
        String value = raw(name);
        return value.isEmpty() ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(flag(name).asDouble(value));
    }

    /** The value of a {@link Flag.Kind#CHOICE} flag, lower-cased. */
    public String choice(String name) {
        return flag(name).asChoice(raw(name));
    }

    /** The value of a {@link Flag.Kind#TEXT} flag. */
    public String text(String name) {
        return flag(name).asText(raw(name));
    }

    /** The value of a {@link Flag.Kind#PATH} flag; empty when it was not given and has no default. */
    public Optional<Path> path(String name) {
        String value = raw(name);
        return value.isEmpty() ? Optional.empty() : Optional.of(flag(name).asPath(value));
    }

    private String raw(String name) {
        return given.getOrDefault(name, flag(name).defaultValue());
    }

    private Flag flag(String name) {
        return spec.flag(name).orElseThrow(() -> new IllegalArgumentException(
                "Args: command " + spec.name() + " has no flag " + name));
    }
}
