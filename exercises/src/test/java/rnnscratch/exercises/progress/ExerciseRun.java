package rnnscratch.exercises.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the tests of some exercises in this JVM, through the JUnit Platform launcher, and reads their results for a
 * student: used by {@code mvn test -Pexercises} ({@link StudentRun}), by the watch mode after each save, and by
 * anything else that must decide whether a student's exercise passes.
 *
 * <p>The test classes are loaded from the class loader given, so the tests see whichever exercise classes that loader
 * holds (the watch mode gives a fresh loader holding the file just compiled).
 *
 * <p>Docs: docs/exercises.md
 */
public final class ExerciseRun {
    private ExerciseRun() {}

    /**
     * What a run found.
     *
     * @param results  one per catalog exercise; those not asked for are "not run"
     * @param failures the failures of each exercise that failed, in the order its tests ran
     */
    public record Outcome(List<ExerciseResult> results, Map<String, List<Failure>> failures) {
        /** Copies. */
        public Outcome {
            results = List.copyOf(results);
            failures = Map.copyOf(failures);
        }

        /** The result of one exercise. */
        public ExerciseResult result(Exercise e) {
            return results.stream().filter(r -> r.exercise().id().equals(e.id())).findFirst().orElseThrow();
        }

        /** True when the exercise ran and every one of its tests passed. */
        public boolean passes(Exercise e) {
            return result(e).status() == ExerciseResult.Status.PASS;
        }

        /** The exercise's failures ({@code []} when it passed or did not run). */
        public List<Failure> failuresOf(Exercise e) {
            return failures.getOrDefault(e.id(), List.of());
        }

        /** The failure to show first: a wrong answer before a method still to write. */
        public Optional<Failure> firstFailure(Exercise e) {
            var all = failuresOf(e);
            return all.stream().filter(f -> !f.stub()).findFirst().or(() -> all.stream().findFirst());
        }
    }

    /** Where the build lists the exercise files that did not compile ({@code tools/rnnscratch/tools/Stubs.java compile}). */
    public static final Path COMPILE_REPORT = Path.of("target", "exercises-compile.txt");

    /** Runs the tests of {@code exercises}, loading the test classes from {@code loader}. */
    public static Outcome run(ClassLoader loader, Collection<Exercise> exercises) {
        return run(loader, exercises, Map.of());
    }

    /**
     * Runs the tests of {@code exercises}, loading the test classes from {@code loader}, except those in
     * {@code notCompiled}: their file did not compile (its untouched stub stands in for it), so they fail with
     * javac's first error and their tests do not run.
     */
    public static Outcome run(ClassLoader loader, Collection<Exercise> exercises, Map<String, String> notCompiled) {
        var collector = new ResultCollector();
        var compiled = new ArrayList<Exercise>();
        for (var e : exercises) {
            if (notCompiled.containsKey(e.id())) {
                collector.couldNotRun(e, "does not compile: " + notCompiled.get(e.id()));
            } else {
                compiled.add(e);
            }
        }
        for (var e : compiled) {
            DiscoverySelector tests;
            try {
                tests = DiscoverySelectors.selectClass(Class.forName(e.testClassName(), false, loader));
            } catch (ClassNotFoundException | LinkageError ex) {
                collector.couldNotRun(e, "its tests could not be loaded (" + ex + "): is " + e.stubPath()
                        + " compiled, with the signatures it was given?");
                continue;
            }
            runWithin(TIME_LIMIT, loader, e, tests, collector);
        }
        return new Outcome(collector.results(), collector.failures());
    }

    /**
     * How long one exercise's tests may run: they take well under a second or two, so code still running after this
     * long does not finish (an endless loop, say). {@code -Dexercises.timeLimit=SECONDS} changes it.
     */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(Math.max(1, Long.getLong("exercises.timeLimit", 30)));

    /**
     * Runs one exercise's tests on a thread of their own, so that a student's code that never finishes costs at most
     * {@code limit}: the exercise then fails with one line naming the test that was running, and the run goes on with
     * the next exercise (the watch mode stays responsive). The thread is stopped where this Java still allows it
     * (17–19); on a newer one it is left to spin, as a daemon, until the JVM ends — the message says so.
     */
    static void runWithin(Duration limit, ClassLoader loader, Exercise e, DiscoverySelector selector,
            ResultCollector into) {
        var own = new ResultCollector();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selector)
                .filters(TagFilter.includeTags(e.id()))
                .configurationParameter("junit.jupiter.testmethod.order.default", WorkedExampleFirst.class.getName())
                .build();
        var config = LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build();
        var worker = new Thread(() -> LauncherFactory.create(config).execute(request, own), e.id() + "-tests");
        worker.setContextClassLoader(loader);
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(limit.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        if (!worker.isAlive()) {
            into.addAll(own);
            return;
        }
        String running = own.running();
        boolean stopped = stop(worker);
        into.couldNotRun(e, "your code ran for " + limit.toSeconds() + " s without finishing"
                + (running.isEmpty() ? "" : " (in \"" + running + "\")") + ": an endless loop? Every loop must move "
                + "towards its end; the tests take well under a second"
                + (stopped ? "" : "; this Java cannot stop it, so it keeps one core busy until you restart "
                        + "(watch mode: q, then start it again)"));
    }

    /** Stops a thread running a student's endless loop; false where this Java no longer can (20 and newer). */
    @SuppressWarnings({"deprecation", "removal"})
    private static boolean stop(Thread worker) {
        try {
            // JUnit reports the ThreadDeath as the test's failure and goes on to the next test: stop until it is done
            for (int tries = 0; worker.isAlive() && tries < 50; tries++) {
                worker.stop();
                worker.join(100);
            }
            return !worker.isAlive();
        } catch (UnsupportedOperationException ex) {
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The exercises whose file did not compile in the build, by id, each with javac's first error
     * ({@code "exercises/src/main/java/rnnscratch/exercises/Ex09RnnStep.java:12: ';' expected"}); empty when the
     * report is missing or empty.
     */
    public static Map<String, String> notCompiled(Path report) {
        if (!Files.isRegularFile(report)) {
            return Map.of();
        }
        var found = new java.util.LinkedHashMap<String, String>();
        try {
            for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
                for (var e : ExerciseCatalog.ALL) {
                    if (line.startsWith(e.stubPath() + ":")) {
                        found.putIfAbsent(e.id(), line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /**
     * The exercises a {@code -Dtest} value names, as a {@code -Dgroups} value: {@code "Ex09RnnStepTest"},
     * {@code "Ex09*"} or {@code "Ex09RnnStepTest#workedExample,Ex10*"} give {@code "ex09"} and {@code "ex09,ex10"};
     * {@code ""} when it names none (or is not set).
     */
    public static String groupsOfTest(String test) {
        if (test == null || test.isBlank() || test.startsWith("${")) {
            return "";
        }
        var ids = new ArrayList<String>();
        var m = Pattern.compile("(?i)(?:^|[,.*/#!\\s])ex(\\d\\d)").matcher(test);
        while (m.find()) {
            String id = "ex" + m.group(1);
            if (ExerciseCatalog.byId(id).isPresent() && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return String.join(",", ids);
    }

    /**
     * The exercises a {@code -Dgroups} value names: {@code ""} for all, else ids separated by commas.
     *
     * @throws IllegalArgumentException naming an id that is not an exercise
     */
    public static List<Exercise> select(String groups) {
        if (groups == null || groups.isBlank() || groups.startsWith("${")) {
            return ExerciseCatalog.ALL;
        }
        var chosen = new ArrayList<Exercise>();
        for (String id : groups.split("[,\\s]+")) {
            if (id.isEmpty()) {
                continue;
            }
            var e = ExerciseCatalog.byId(id.strip().toLowerCase(java.util.Locale.ROOT)).orElseThrow(() ->
                    new IllegalArgumentException("-Dgroups=" + groups + ": '" + id + "' is not an exercise; use ex01 "
                            + "… ex" + String.format("%02d", ExerciseCatalog.ALL.size()) + ", several separated by "
                            + "commas"));
            if (!chosen.contains(e)) {
                chosen.add(e);
            }
        }
        return chosen.isEmpty() ? ExerciseCatalog.ALL : chosen;
    }
}
