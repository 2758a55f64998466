package rnnscratch.exercises.progress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The last line of {@code mvn test}: where the student stands. The default build never runs the student's code (a
 * half-written exercise must not turn it red), so this reads what the watch mode or {@code mvn test -Pexercises} last
 * found, from {@code target/progress.json}, and says what to do next.
 *
 * <p>Run by the default build after the tests (exec-maven-plugin, execution {@code summary}); that the plugin runs in
 * the default build also means that student mode and the watch mode, which use it too, work offline afterwards.
 *
 * <p>Docs: docs/exercises.md
 */
public final class BuildSummary {
    private BuildSummary() {}

    /**
     * @param args {@code progress=PATH} of {@code target/progress.json}; {@code test=} and {@code groups=}, the
     *             {@code -Dtest} and {@code -Dgroups} of this build
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(StudentRun.arg(args, "progress", "target/progress.json"));
        notYours(StudentRun.arg(args, "test", ""), StudentRun.arg(args, "groups", ""))
                .ifPresent(System.out::println);
        System.out.println(line(file));
    }

    /**
     * The line for a student who asked the default build for an exercise's tests ({@code mvn test
     * -Dtest=Ex09RnnStepTest}, or {@code -Dgroups=ex09} without {@code -Pexercises}): those ran against the reference
     * answer in {@code solutions/}, not against the student's code, and a green build says nothing of it.
     */
    static Optional<String> notYours(String test, String groups) {
        String named = groups == null || groups.isBlank() || groups.startsWith("${") ? "" : groups.strip();
        if (!named.isEmpty() && named.toLowerCase(Locale.ROOT).startsWith("ex")) {
            // the solutions execution fixes its own groups ("exercise"), so -Dgroups picks nothing there
            return Optional.of("Note: -Dgroups=" + named + " does not pick exercises in this build: it ran every "
                    + "exercise's tests against solutions/ (the reference answers), none of the library's, and none "
                    + "against your exercises/. To test yours: mvn test -Pexercises -Dgroups=" + named);
        }
        named = ExerciseRun.groupsOfTest(test);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Note: -Dtest=" + test + " ran " + named + "'s tests against solutions/ (the reference "
                + "answers), not against your exercises/. To test yours: mvn test -Pexercises -Dgroups=" + named);
    }

    /** The line for the student, from the progress file if there is one. */
    static String line(Path progress) throws IOException {
        if (!Files.isRegularFile(progress)) {
            return "Your exercises (exercises/): not checked yet. Start with the watch mode, "
                    + ProgressTable.WATCH_COMMAND + " (docs/exercises.md).";
        }
        List<ExerciseResult> results = ProgressJson.read(Files.readString(progress, StandardCharsets.UTF_8));
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault())
                .format(Files.getLastModifiedTime(progress).toInstant());
        long passed = results.stream().filter(r -> r.status() == ExerciseResult.Status.PASS).count();
        var next = ProgressTable.next(results, r -> r.status() != ExerciseResult.Status.PASS);
        // of every exercise there is now: a file from before new exercises were added holds fewer
        return "Your exercises (exercises/): " + passed + " of " + ExerciseCatalog.ALL.size()
                + " passed when last checked ("
                + when + ")" + next.map(r -> "; next: " + r.exercise().id() + ", " + r.exercise().docs()).orElse("")
                + ". Check them again: " + ProgressTable.WATCH_COMMAND + " (watch mode) or mvn test -Pexercises.";
    }
}
