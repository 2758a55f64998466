package rnnscratch.exercises.watch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.attribute.FileTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import rnnscratch.exercises.progress.Exercise;
import rnnscratch.exercises.progress.ExerciseCatalog;
import rnnscratch.exercises.progress.ExerciseResult;
import rnnscratch.exercises.progress.ExerciseRun;
import rnnscratch.exercises.progress.ProgressJson;
import rnnscratch.exercises.progress.ProgressTable;
import rnnscratch.exercises.progress.StudentRun;

/**
 * Watch mode: {@code mvn -q test-compile exec:java@watch}. One long-lived JVM that notices a saved exercise file in
 * {@code exercises/src/main/java/rnnscratch/exercises/}, recompiles it ({@link ExerciseCompiler}), reruns that
 * exercise's tests in a fresh class loader ({@link FreshLoader}, {@link ExerciseRun}) and prints the verdict, the
 * first failure once, the progress and the next exercise — a second or two after the save instead of a Maven run.
 *
 * <p>Commands, each followed by Enter: {@code h} the next hint of the current exercise, {@code r} (or just Enter)
 * rerun it, {@code a} recompile and rerun every exercise, {@code q} quit (Ctrl-C works too).
 *
 * <p>Docs: docs/exercises.md
 */
public final class Watch {
    private static final Pattern EXERCISE_FILE = Pattern.compile("Ex(\\d\\d)\\w*\\.java");
    private static final long DEBOUNCE_MS = 40;
    private static final long POLL_MS = 500;
    private static final String KEYS = "keys (then Enter): h = next hint · r = rerun · a = run all · q = quit";

    /** What the loop reacts to. */
    private sealed interface Event permits Saved, Command {}

    /** A file in the exercises folder changed on disk. */
    private record Saved(Path file) implements Event {}

    /** A line typed by the student. */
    private record Command(String line) implements Event {}

    private final Path exercisesDir;
    private final Path progressFile;
    private final Path classesOut;
    private final Path testClasses;
    private final ExerciseCompiler compiler;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<Path, FileTime> processed = new ConcurrentHashMap<>();
    private final Map<String, ExerciseResult> results = new LinkedHashMap<>();
    private final Map<String, List<String>> compileErrors = new LinkedHashMap<>();
    private final Map<String, Integer> hintsShown = new LinkedHashMap<>();
    private Exercise current;

    private Watch(Path root, Path classes, Path testClasses, Path scratch, Path progressFile) {
        this.exercisesDir = root.resolve("exercises/src/main/java/rnnscratch/exercises");
        this.progressFile = progressFile;
        this.classesOut = scratch.resolve("classes");
        this.testClasses = testClasses;
        this.compiler = new ExerciseCompiler(classesOut, List.of(classes));
        for (var e : ExerciseCatalog.ALL) {
            results.put(e.id(), new ExerciseResult(e, ExerciseResult.Status.NOT_RUN, 0, 0, ""));
        }
    }

    /**
     * @param args {@code root=} the repository root, {@code classes=} the library's classes,
     *             {@code testClasses=} the compiled tests, {@code scratch=} a folder of its own,
     *             {@code progress=} the {@code progress.json} to keep up to date
     */
    public static void main(String[] args) throws InterruptedException {
        System.setProperty("exercises.mode", "student");
        Path root = Path.of(StudentRun.arg(args, "root", ".")).toAbsolutePath();
        var watch = new Watch(root, Path.of(StudentRun.arg(args, "classes", "target/classes")),
                Path.of(StudentRun.arg(args, "testClasses", "target/test-classes")),
                Path.of(StudentRun.arg(args, "scratch", "target/watch")),
                Path.of(StudentRun.arg(args, "progress", "target/progress.json")));
        if (!Files.isDirectory(watch.exercisesDir)) {
            System.out.println("watch: no " + watch.exercisesDir + ": start it from the repository root");
            return;
        }
        watch.loop();
    }

    private void loop() throws InterruptedException {
        say("Watch mode: compiling and testing every exercise once…");
        runAll();
        startWatching();
        startReadingKeys();
        say("Watching exercises/src/main/java/rnnscratch/exercises/ — save an exercise file to test it.");
        say(KEYS);
        while (true) {
            Event event = events.take();
            if (event instanceof Command c) {
                if (!command(c.line().strip())) {
                    say("Bye. Your progress: " + ProgressTable.progressLine(resultList()));
                    return;
                }
            } else if (event instanceof Saved s) {
                var files = new LinkedHashSet<Path>();
                files.add(s.file());
                TimeUnit.MILLISECONDS.sleep(DEBOUNCE_MS); // an editor may write a file in several steps
                while (events.peek() instanceof Saved m) {
                    events.remove();
                    files.add(m.file());
                }
                for (Path f : files) {
                    if (changed(f)) {
                        onSave(f);
                    }
                }
            }
        }
    }

    /** Handles a typed command; false to quit. */
    private boolean command(String line) {
        String key = line.isEmpty() ? "r" : line.substring(0, 1).toLowerCase(java.util.Locale.ROOT);
        switch (key) {
            case "q" -> {
                return false;
            }
            case "h" -> showHint(currentExercise());
            case "a" -> runAll();
            case "r" -> {
                var e = currentExercise();
                onSave(exercisesDir.resolve(e.className() + ".java"));
            }
            default -> say("'" + line + "'? " + KEYS);
        }
        return true;
    }

    /** Recompiles one saved file, reruns its exercise's tests, and prints the verdict. */
    private void onSave(Path file) {
        var m = EXERCISE_FILE.matcher(file.getFileName().toString());
        Optional<Exercise> found = m.matches() ? ExerciseCatalog.byId("ex" + m.group(1)) : Optional.empty();
        if (found.isEmpty()) {
            say(file.getFileName() + " changed: it is not an exercise file, so every exercise is rerun.");
            runAll();
            return;
        }
        var e = found.get();
        current = e;
        long start = System.nanoTime();
        var compiled = compiler.compile(List.of(file));
        long compiledAt = System.nanoTime();
        System.out.println();
        if (!compiled.ok()) {
            compileErrors.put(e.id(), compiled.errors());
            results.put(e.id(), new ExerciseResult(e, ExerciseResult.Status.FAIL, 0, 0, "does not compile"));
            say(file.getFileName() + " → " + e.id() + ": ✗ does not compile");
            compiled.errors().forEach(err -> err.lines().forEach(l -> System.out.println("     " + l)));
            progress();
            return;
        }
        compileErrors.remove(e.id());
        var outcome = ExerciseRun.run(freshLoader(), List.of(e));
        long testedAt = System.nanoTime();
        var r = outcome.result(e);
        results.put(e.id(), r);
        String timing = String.format("   (compiled in %.1f s, tested in %.1f s)", (compiledAt - start) / 1e9,
                (testedAt - compiledAt) / 1e9);
        switch (r.status()) {
            case PASS -> say(file.getFileName() + " → " + e.id() + ": ✓ all " + r.tests() + " tests pass" + timing
                    + "\n     compare with the reference answer: " + e.solutionPath());
            case NOT_RUN -> say(file.getFileName() + " → " + e.id() + ": no test ran" + timing);
            case FAIL -> {
                if (r.notStarted()) {
                    say(file.getFileName() + " → " + e.id() + ": ✗ " + (r.passed() == 0 ? "not started"
                            : r.passed() + " of " + r.tests() + " tests pass; a method is still to write") + timing
                            + "\n     " + r.message());
                } else {
                    say(file.getFileName() + " → " + e.id() + ": ✗ " + r.passed() + " of " + r.tests()
                            + " tests pass" + timing);
                    var lines = StudentRun.describe(r, outcome.failuresOf(e), true);
                    lines.subList(1, lines.size()).forEach(System.out::println);
                }
            }
        }
        progress();
    }

    /** Compiles every exercise (all together, or one by one when some do not compile) and runs all their tests. */
    private void runAll() {
        long start = System.nanoTime();
        var files = new ArrayList<Path>();
        for (var e : ExerciseCatalog.ALL) {
            files.add(exercisesDir.resolve(e.className() + ".java"));
        }
        files.forEach(this::changed); // what is compiled now counts as seen
        compileErrors.clear();
        if (!compiler.compile(files).ok()) {
            for (var e : ExerciseCatalog.ALL) {
                var one = compiler.compile(List.of(exercisesDir.resolve(e.className() + ".java")));
                if (!one.ok()) {
                    compileErrors.put(e.id(), one.errors());
                }
            }
        }
        long compiledAt = System.nanoTime();
        var compiled = ExerciseCatalog.ALL.stream().filter(e -> !compileErrors.containsKey(e.id())).toList();
        say(String.format("compiled %d of %d exercise files in %.1f s; running their tests…", compiled.size(),
                ExerciseCatalog.ALL.size(), (compiledAt - start) / 1e9));
        var outcome = ExerciseRun.run(freshLoader(), compiled);
        for (var e : ExerciseCatalog.ALL) {
            results.put(e.id(), compileErrors.containsKey(e.id())
                    ? new ExerciseResult(e, ExerciseResult.Status.FAIL, 0, 0, "does not compile: "
                            + compileErrors.get(e.id()).get(0).lines().findFirst().orElse(""))
                    : outcome.result(e));
        }
        compileErrors.forEach((id, errors) -> {
            say(id + " does not compile:");
            errors.forEach(err -> err.lines().forEach(l -> System.out.println("     " + l)));
        });
        for (var r : resultList()) {
            var lines = StudentRun.describe(r, outcome.failuresOf(r.exercise()), true);
            lines.forEach(System.out::println);
        }
        saveProgress();
        System.out.print(ProgressTable.render(resultList(), 0, ProgressTable.Shown.WATCH));
        System.out.printf(" (all exercises compiled in %.1f s, tested in %.1f s)%n", (compiledAt - start) / 1e9,
                (System.nanoTime() - compiledAt) / 1e9);
        System.out.flush();
    }

    private void showHint(Exercise e) {
        int shown = hintsShown.getOrDefault(e.id(), 0);
        int level = Math.min(shown + 1, e.hints().size());
        hintsShown.put(e.id(), level);
        say(e.id() + " " + ProgressTable.hintLabel(e, level) + ": " + e.hint(level)
                + (level == e.hints().size() ? "\n     (that was the last hint; the worked examples, the first tests "
                        + "in " + e.testPath() + ", can be followed by hand)"
                        : "\n     (h again for hint " + (level + 1) + ")"));
    }

    /** The progress line and the next exercise to do; {@code progress.json} is rewritten to match. */
    private void progress() {
        var list = resultList();
        saveProgress();
        say("Progress: " + ProgressTable.progressLine(list));
        next(list, current).ifPresentOrElse(
                e -> System.out.println("     next: " + e.id() + " " + e.title() + " — " + e.stubPath() + ", read "
                        + e.docs()),
                () -> System.out.println("     every exercise passes. Well done!"));
        System.out.println("     " + KEYS);
        System.out.flush();
    }

    /**
     * The exercise to work on next: the one being worked on while it does not pass; once it passes, the first after
     * it (in catalog order, wrapping round) that does not pass; with none worked on yet in this session, the progress
     * table's choice ({@link ProgressTable#next}). Empty when every exercise passes.
     */
    static Optional<Exercise> next(List<ExerciseResult> results, Exercise working) {
        if (working == null) { // the table's rule (ProgressTable.next)
            return ProgressTable.next(results, r -> r.status() != ExerciseResult.Status.PASS)
                    .map(ExerciseResult::exercise);
        }
        var open = results.stream().filter(r -> r.status() != ExerciseResult.Status.PASS)
                .map(ExerciseResult::exercise).toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        if (open.contains(working)) {
            return Optional.of(working);
        }
        return open.stream().filter(e -> e.id().compareTo(working.id()) > 0).findFirst()
                .or(() -> open.stream().findFirst());
    }

    private void saveProgress() {
        try {
            ProgressJson.writeAtomically(progressFile, ProgressJson.write("student", resultList()));
        } catch (IOException e) {
            say("could not write " + progressFile + " (" + e.getMessage() + "); the watch goes on");
        }
    }

    /**
     * The exercise the keys act on: the one saved last while it does not pass, then the next that does not pass ({@link
     * #next}); with none saved yet, the first the student has started, else the first that does not pass.
     */
    private Exercise currentExercise() {
        return next(resultList(), current).orElse(current != null ? current : ExerciseCatalog.ALL.get(0));
    }

    private List<ExerciseResult> resultList() {
        return List.copyOf(results.values());
    }

    private FreshLoader freshLoader() {
        return new FreshLoader(List.of(classesOut, testClasses), Watch.class.getClassLoader());
    }

    /** True once per new modification time of {@code file}; records it as seen. */
    private boolean changed(Path file) {
        try {
            FileTime time = Files.getLastModifiedTime(file);
            return !time.equals(processed.put(file, time));
        } catch (IOException e) {
            return false; // deleted or being replaced: the next event brings it back
        }
    }

    /**
     * Notices saves two ways: the file system's WatchService (at once on Linux and Windows) and a poll of the
     * modification times every half second (macOS's WatchService polls slowly). A save seen both ways runs once.
     */
    private void startWatching() {
        daemon("exercise-watcher", () -> {
            try (var service = FileSystems.getDefault().newWatchService()) {
                exercisesDir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
                while (true) {
                    var key = service.take();
                    for (var ev : key.pollEvents()) {
                        if (ev.context() instanceof Path name && name.toString().endsWith(".java")) {
                            events.add(new Saved(exercisesDir.resolve(name)));
                        }
                    }
                    key.reset();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException | ClosedWatchServiceException e) {
                Thread.currentThread().interrupt();
            }
        });
        daemon("exercise-poller", () -> {
            try {
                while (true) {
                    TimeUnit.MILLISECONDS.sleep(POLL_MS);
                    try (var files = Files.list(exercisesDir)) {
                        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                            FileTime seen = processed.get(f);
                            if (seen == null || !seen.equals(Files.getLastModifiedTime(f))) {
                                events.add(new Saved(f));
                            }
                        }
                    } catch (IOException e) {
                        // a file replaced while listing: the next poll sees it
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void startReadingKeys() {
        daemon("exercise-keys", () -> {
            try {
                var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line; (line = in.readLine()) != null; ) {
                    events.add(new Command(line));
                }
            } catch (IOException e) {
                // no terminal: saves still work, Ctrl-C stops
            }
        });
    }

    private static void daemon(String name, Runnable body) {
        var t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private static void say(String s) {
        System.out.println("[" + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + s);
        System.out.flush();
    }
}
