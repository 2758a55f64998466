package rnnscratch.exercises.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        var selectors = new ArrayList<DiscoverySelector>();
        var compiled = new ArrayList<Exercise>();
        for (var e : exercises) {
            if (notCompiled.containsKey(e.id())) {
                collector.couldNotRun(e, "does not compile: " + notCompiled.get(e.id()));
            } else {
                compiled.add(e);
            }
        }
        for (var e : compiled) {
            try {
                selectors.add(DiscoverySelectors.selectClass(Class.forName(e.testClassName(), false, loader)));
            } catch (ClassNotFoundException | LinkageError ex) {
                collector.couldNotRun(e, "its tests could not be loaded (" + ex + "): is " + e.stubPath()
                        + " compiled, with the signatures it was given?");
            }
        }
        if (!selectors.isEmpty()) {
            var tags = compiled.stream().map(Exercise::id).toList();
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                    .filters(TagFilter.includeTags(tags))
                    .configurationParameter("junit.jupiter.testmethod.order.default", WorkedExampleFirst.class.getName())
                    .build();
            var config = LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build();
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                LauncherFactory.create(config).execute(request, collector);
            } finally {
                thread.setContextClassLoader(before);
            }
        }
        return new Outcome(collector.results(), collector.failures());
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
