package rnnscratch.exercises.progress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code target/progress.json}: the result of every exercise, one exercise per line, so that {@code grep} can read it
 * as well as any JSON parser.
 * <pre>
 * {
 *   "mode": "student",
 *   "passed": 1,
 *   "total": 17,
 *   "exercises": [
 *     {"id": "ex01", "status": "fail", "tests": 5, "testsPassed": 0, "title": "…", "docs": "…", "hints": 3, "stub": "…", "solution": "…", "message": "…"},
 *     …
 *   ]
 * }
 * </pre>
 *
 * <p>Docs: docs/exercises.md
 */
public final class ProgressJson {
    private static final Pattern STRING_FIELD = Pattern.compile("\"(\\w+)\": \"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern NUMBER_FIELD = Pattern.compile("\"(\\w+)\": (\\d+)");

    private ProgressJson() {}

    /** The file's text for these results, in catalog order. */
    public static String write(String mode, List<ExerciseResult> results) {
        long passed = results.stream().filter(r -> r.status() == ExerciseResult.Status.PASS).count();
        var sb = new StringBuilder();
        sb.append("{\n");
        sb.append("  \"mode\": ").append(quote(mode)).append(",\n");
        sb.append("  \"passed\": ").append(passed).append(",\n");
        sb.append("  \"total\": ").append(results.size()).append(",\n");
        sb.append("  \"exercises\": [\n");
        for (int i = 0; i < results.size(); i++) {
            var r = results.get(i);
            var e = r.exercise();
            sb.append("    {\"id\": ").append(quote(e.id()))
                    .append(", \"status\": ").append(quote(r.status().json()))
                    .append(", \"tests\": ").append(r.tests())
                    .append(", \"testsPassed\": ").append(r.passed())
                    .append(", \"title\": ").append(quote(e.title()))
                    .append(", \"docs\": ").append(quote(e.docs()))
                    .append(", \"hints\": ").append(e.hints().size())
                    .append(", \"stub\": ").append(quote(e.stubPath()))
                    .append(", \"solution\": ").append(quote(e.solutionPath()))
                    .append(", \"message\": ").append(quote(r.message()))
                    .append('}').append(i + 1 < results.size() ? ",\n" : "\n");
        }
        sb.append("  ]\n}\n");
        return sb.toString();
    }

    /**
     * Reads the results back from the text {@link #write} made; titles, docs pages and hints come from the
     * {@link ExerciseCatalog}.
     *
     * @throws IllegalArgumentException naming the line when an entry is not in that layout or not in the catalog
     */
    public static List<ExerciseResult> read(String json) {
        var results = new ArrayList<ExerciseResult>();
        for (String line : json.split("\n")) {
            if (!line.trim().startsWith("{\"id\"")) {
                continue;
            }
            String id = string(line, "id");
            var exercise = ExerciseCatalog.byId(id).orElseThrow(() -> new IllegalArgumentException(
                    "progress.json names exercise '" + id + "', which is not in ExerciseCatalog"));
            results.add(new ExerciseResult(exercise, ExerciseResult.Status.parse(string(line, "status")),
                    number(line, "tests"), number(line, "testsPassed"), string(line, "message")));
        }
        return List.copyOf(results);
    }

    /**
     * The results of a run that chose some exercises ({@code -Dgroups=ex09}), with each exercise it did not run given
     * its result from the file before, so that checking one exercise does not forget the others; an exercise the run
     * did run, or that the file does not hold, keeps its result of this run.
     *
     * @param before the results read from the file before ({@link #read}), empty when there was none
     */
    public static List<ExerciseResult> keepingNotRun(List<ExerciseResult> now, List<ExerciseResult> before) {
        var merged = new ArrayList<ExerciseResult>();
        for (var r : now) {
            var earlier = r.status() != ExerciseResult.Status.NOT_RUN ? Optional.<ExerciseResult>empty()
                    : before.stream().filter(b -> b.exercise().id().equals(r.exercise().id())).findFirst();
            merged.add(earlier.orElse(r));
        }
        return List.copyOf(merged);
    }

    /** The results in {@code file}, or none when it is missing or not in {@link #write}'s layout. */
    public static List<ExerciseResult> readIfThere(Path file) {
        try {
            return Files.isRegularFile(file) ? read(Files.readString(file, StandardCharsets.UTF_8)) : List.of();
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
    }

    /** Writes {@code text} to {@code file} through a temporary file in the same folder, renamed into place. */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped; everything else as it is. */
    static String quote(String s) {
        var sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The inverse of {@link #quote} on the inside of a literal. */
    static String unquote(String s) {
        var sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(n);
            }
        }
        return sb.toString();
    }

    private static String string(String line, String key) {
        Matcher m = STRING_FIELD.matcher(line);
        while (m.find()) {
            if (m.group(1).equals(key)) {
                return unquote(m.group(2));
            }
        }
        throw new IllegalArgumentException("progress.json: no \"" + key + "\" in line: " + line);
    }

    private static int number(String line, String key) {
        Matcher m = NUMBER_FIELD.matcher(line);
        while (m.find()) {
            if (m.group(1).equals(key)) {
                return Integer.parseInt(m.group(2));
            }
        }
        throw new IllegalArgumentException("progress.json: no \"" + key + "\" in line: " + line);
    }
}
