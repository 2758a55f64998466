package rnnscratch.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Makes the students' stubs in {@code exercises/src/main/java} from the reference answers in
 * {@code solutions/src/main/java}: every region
 * <pre>
 *     // BEGIN SOLUTION
 *     … the answer …
 *     // END SOLUTION
 *     // STUB: throw new UnsupportedOperationException("Exercise 07 (…): read docs/…#exercises — start from …");
 * </pre>
 * becomes the code of its {@code // STUB:} line, at the same indentation; a region with no {@code // STUB:} line
 * after it is simply dropped. Everything else is copied as it is.
 *
 * <p>Regenerate after changing a solution (from the repository root):
 * <pre>  mvn -q test-compile exec:java@stubs</pre>
 * {@code StubsAreUpToDateTest} fails while the committed stubs differ from what this makes.
 *
 * <p>Docs: docs/exercises.md
 */
public final class GenerateStubs {
    /** The command that regenerates the stubs, for messages. */
    public static final String COMMAND =
            "mvn -q test-compile exec:java@stubs";
    /** Where the reference answers are, relative to the repository root. */
    public static final Path SOLUTIONS = Path.of("solutions", "src", "main", "java");
    /** Where the stubs go, relative to the repository root. */
    public static final Path EXERCISES = Path.of("exercises", "src", "main", "java");

    private static final String BEGIN = "// BEGIN SOLUTION";
    private static final String END = "// END SOLUTION";
    private static final String STUB = "// STUB:";

    private GenerateStubs() {}

    /**
     * The stub of one solution file.
     *
     * @param name the file's name, for error messages
     * @throws IllegalArgumentException naming the file and line of a marker out of place (a BEGIN inside a region,
     *                                  an END or STUB outside one, a region never closed)
     */
    public static String stub(String name, String source) {
        var out = new StringBuilder();
        String[] lines = source.split("\n", -1);
        int begin = -1;
        boolean afterEnd = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String code = line.strip();
            boolean last = i == lines.length - 1;
            if (code.equals(BEGIN)) {
                if (begin >= 0) {
                    throw misplaced(name, i, "BEGIN SOLUTION inside the region opened at line " + (begin + 1));
                }
                begin = i;
            } else if (code.equals(END)) {
                if (begin < 0) {
                    throw misplaced(name, i, "END SOLUTION without a BEGIN SOLUTION before it");
                }
                begin = -1;
                afterEnd = true;
                continue;
            } else if (code.startsWith(STUB)) {
                if (!afterEnd) {
                    throw misplaced(name, i, "a STUB line must come right after END SOLUTION");
                }
                String indent = line.substring(0, line.indexOf(STUB));
                out.append(indent).append(code.substring(STUB.length()).strip()).append(last ? "" : "\n");
            } else if (begin < 0) {
                out.append(line).append(last ? "" : "\n");
            }
            afterEnd = false;
        }
        if (begin >= 0) {
            throw misplaced(name, begin, "BEGIN SOLUTION is never closed by END SOLUTION");
        }
        return out.toString();
    }

    /** Every stub the solutions give, by path relative to {@link #EXERCISES}, in path order. */
    public static Map<Path, String> generate(Path root) {
        var stubs = new TreeMap<Path, String>();
        for (Path rel : javaFiles(root.resolve(SOLUTIONS))) {
            String source = read(root.resolve(SOLUTIONS).resolve(rel));
            stubs.put(rel, stub(SOLUTIONS.resolve(rel).toString(), source));
        }
        return stubs;
    }

    /**
     * How the committed stubs differ from {@link #generate}: one line per file that is missing, different, or has
     * no solution; empty when they are up to date.
     */
    public static List<String> differences(Path root) {
        var wanted = generate(root);
        var problems = new ArrayList<String>();
        Path dir = root.resolve(EXERCISES);
        for (var e : wanted.entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!Files.exists(file)) {
                problems.add(EXERCISES.resolve(e.getKey()) + " is missing");
            } else if (!read(file).equals(e.getValue())) {
                problems.add(EXERCISES.resolve(e.getKey()) + " differs from the stub made from "
                        + SOLUTIONS.resolve(e.getKey()));
            }
        }
        for (Path rel : javaFiles(dir)) {
            if (!wanted.containsKey(rel)) {
                problems.add(EXERCISES.resolve(rel) + " has no solution in " + SOLUTIONS);
            }
        }
        return problems;
    }

    /**
     * Writes every stub (each through a temporary file renamed into place) and deletes stubs whose solution is gone.
     *
     * @param args optionally the repository root (default: the current directory)
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "").toAbsolutePath();
        if (!Files.isDirectory(root.resolve(SOLUTIONS))) {
            throw new IllegalArgumentException("no " + SOLUTIONS + " under " + root
                    + ": run GenerateStubs from the repository root, or pass the root as its argument");
        }
        var stubs = generate(root);
        Path dir = root.resolve(EXERCISES);
        int changed = 0;
        for (var e : stubs.entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (Files.exists(file) && read(file).equals(e.getValue())) {
                continue;
            }
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("wrote   " + EXERCISES.resolve(e.getKey()));
            changed++;
        }
        for (Path rel : javaFiles(dir)) {
            if (!stubs.containsKey(rel)) {
                Files.delete(dir.resolve(rel));
                System.out.println("deleted " + EXERCISES.resolve(rel) + " (no solution)");
                changed++;
            }
        }
        System.out.println(stubs.size() + " stubs, " + changed + " file(s) changed");
    }

    private static IllegalArgumentException misplaced(String name, int index, String what) {
        return new IllegalArgumentException(name + ":" + (index + 1) + ": " + what);
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(dir::relativize).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
