package rnnscratch.exercises.watch;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import rnnscratch.tools.Stubs;

/**
 * Compiles exercise source files in this JVM with {@code javax.tools} into a scratch folder, and reports a compile
 * error as a student reads one: the file and line, javac's message, the line of code and a caret — no stack trace.
 *
 * <p>Docs: docs/exercises.md
 */
public final class ExerciseCompiler {
    private static final int MAX_ERRORS = 5;

    private final JavaCompiler javac;
    private final Path outDir;
    private final String classPath;

    /**
     * What one compilation gave.
     *
     * @param ok     true when every file compiled
     * @param errors the errors, each as a few lines ready to print; empty when {@code ok}
     */
    public record Result(boolean ok, List<String> errors) {
        /** Copies. */
        public Result {
            errors = List.copyOf(errors);
        }
    }

    /**
     * @param outDir    where the classes go
     * @param classPath the folders and jars the exercises compile against (the library's classes)
     * @throws IllegalStateException when this Java has no compiler (a JRE, not a JDK)
     */
    public ExerciseCompiler(Path outDir, List<Path> classPath) {
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java (" + System.getProperty("java.home") + ") has no compiler: "
                    + "the watch mode needs a JDK 17 or newer, not a JRE");
        }
        this.outDir = outDir;
        var entries = new ArrayList<Path>();
        entries.add(outDir);
        entries.addAll(classPath);
        this.classPath = entries.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /** Compiles {@code sources} together into the scratch folder, replacing the classes they made before. */
    public Result compile(List<Path> sources) {
        try {
            Files.createDirectories(outDir);
            for (Path source : sources) {
                deleteClassesOf(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + outDir, e);
        }
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            var units = files.getJavaFileObjectsFromPaths(sources);
            var options = List.of("-d", outDir.toString(), "-classpath", classPath, "--release", "17",
                    "-encoding", "UTF-8", "-proc:none", "-g", "-nowarn", "-implicit:none");
            boolean ok = javac.getTask(new StringWriter(), files, diagnostics, options, null, units).call();
            if (!ok) {
                return new Result(false, errors(diagnostics.getDiagnostics()));
            }
            var broken = contractBreaks(sources);
            for (Path source : broken.keySet()) {
                deleteClassesOf(source); // its tests would call what it no longer declares
            }
            return new Result(broken.isEmpty(), List.copyOf(broken.values()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For each exercise file among {@code sources} that no longer declares what its tests call (a changed signature,
     * a dropped {@code static}), one message as the build gives it ({@link Stubs#contractBreak}).
     */
    private static Map<Path, String> contractBreaks(List<Path> sources) {
        Path root = Path.of("").toAbsolutePath();
        Path exercises = root.resolve(Stubs.EXERCISES);
        var stubs = Stubs.generate(root);
        var broken = new LinkedHashMap<Path, String>();
        for (Path source : sources) {
            Path rel = exercises.relativize(source.toAbsolutePath());
            if (stubs.containsKey(rel)) {
                try {
                    Stubs.contractBreak(rel, Files.readString(source, StandardCharsets.UTF_8), stubs.get(rel))
                            .ifPresent(line -> broken.put(source, line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return broken;
    }

    /** Removes {@code Name.class} and {@code Name$*.class} of a source file {@code Name.java} from the scratch folder. */
    private void deleteClassesOf(Path source) throws IOException {
        String name = source.getFileName().toString().replaceFirst("\\.java$", "");
        Path dir = outDir.resolve("rnnscratch").resolve("exercises");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> classes = Files.list(dir)) {
            for (Path c : classes.toList()) {
                String f = c.getFileName().toString();
                if (f.equals(name + ".class") || f.startsWith(name + "$")) {
                    Files.delete(c);
                }
            }
        }
    }

    private static List<String> errors(List<Diagnostic<? extends JavaFileObject>> all) {
        var errors = all.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        var out = new ArrayList<String>();
        for (var d : errors.subList(0, Math.min(MAX_ERRORS, errors.size()))) {
            var sb = new StringBuilder();
            String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName().toString();
            String[] message = d.getMessage(Locale.ROOT).split("\\R");
            sb.append(file).append(':').append(d.getLineNumber()).append(": ").append(message[0]);
            sourceLine(d).ifPresent(line -> {
                sb.append("\n    ").append(line.stripTrailing());
                long column = d.getColumnNumber();
                if (column > 0) {
                    sb.append("\n    ").append(" ".repeat((int) column - 1)).append('^');
                }
            });
            for (int i = 1; i < message.length; i++) {
                sb.append("\n  ").append(message[i].strip());
            }
            out.add(sb.toString());
        }
        if (errors.size() > MAX_ERRORS) {
            out.add("… and " + (errors.size() - MAX_ERRORS) + " more error(s)");
        }
        return out;
    }

    private static java.util.Optional<String> sourceLine(Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null || d.getLineNumber() <= 0) {
            return java.util.Optional.empty();
        }
        try {
            var lines = d.getSource().getCharContent(true).toString().split("\\R", -1);
            long n = d.getLineNumber();
            return n <= lines.length ? java.util.Optional.of(lines[(int) n - 1].replace('\t', ' '))
                    : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
