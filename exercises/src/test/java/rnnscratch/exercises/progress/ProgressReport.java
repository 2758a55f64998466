package rnnscratch.exercises.progress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The last step of {@code mvn test -Pexercises}: prints the progress table from {@code target/progress.json} and
 * fails the build when an exercise that ran fails (unless {@code -Dmaven.test.failure.ignore=true}).
 *
 * <p>It runs inside Maven (exec-maven-plugin, bound in the {@code exercises} profile), after Surefire, so the table
 * is the last thing a student reads.
 *
 * <p>Docs: docs/exercises.md
 */
public final class ProgressReport {
    private ProgressReport() {}

    /** Fails the build with one line: no stack trace, which would only hide the table above it. */
    static final class ExercisesFail extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExercisesFail(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param args the path of {@code progress.json}, and {@code true} to never fail the build
     * @throws ExercisesFail when an exercise failed and failures are not ignored (Maven reports it as the reason
     *                        of the BUILD FAILURE)
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        boolean ignoreFailures = args.length > 1 && Boolean.parseBoolean(args[1]);
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " was not written: the exercise tests did not run (is the "
                    + "listener in exercises/src/test/resources/META-INF/services on the test class path?)");
        }
        List<ExerciseResult> results = ProgressJson.read(Files.readString(file, StandardCharsets.UTF_8));
        System.out.print(ProgressTable.render(results));
        System.out.println(" Written: " + file);
        System.out.flush();
        long failed = results.stream().filter(r -> r.status() == ExerciseResult.Status.FAIL).count();
        if (failed > 0 && !ignoreFailures) {
            throw new ExercisesFail(failed + " exercise(s) fail: see the progress table above (add "
                    + "-Dmaven.test.failure.ignore=true to see the table without failing the build)");
        }
    }
}
