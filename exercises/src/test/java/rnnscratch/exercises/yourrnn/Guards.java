package rnnscratch.exercises.yourrnn;

import java.util.List;
import java.util.function.Supplier;
import rnnscratch.autograd.Tensor;
import rnnscratch.exercises.progress.Exercise;
import rnnscratch.exercises.progress.ExerciseCatalog;
import rnnscratch.tensor.Mat;

/**
 * What the "your RNN" run checks about every value a student's function hands back to the library, before the
 * library uses it: no exception, the shape the book's code expects, finite numbers. A failure becomes a
 * {@link StudentCodeFailed} naming the exercise.
 *
 * <p>Docs: docs/exercises.md#your-rnn
 */
final class Guards {
    private Guards() {}

    static Exercise exercise(String id) {
        return ExerciseCatalog.byId(id).orElseThrow();
    }

    /** Runs the student's {@code function}; an exception becomes one line naming the exercise and where it was thrown. */
    static <T> T call(String id, String function, Supplier<T> body) {
        try {
            return body.get();
        } catch (StudentCodeFailed e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new StudentCodeFailed(exercise(id), function + " threw " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + where(e, id));
        }
    }

    static void run(String id, String function, Runnable body) {
        call(id, function, () -> {
            body.run();
            return null;
        });
    }

    /** {@code " (at Ex09RnnStep.java:42)"}: the first line of the student's class in the stack trace. */
    private static String where(Throwable e, String id) {
        String prefix = "rnnscratch.exercises.Ex" + id.substring(2);
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith(prefix) && f.getFileName() != null) {
                return " (at " + f.getFileName() + ":" + f.getLineNumber() + ")";
            }
        }
        return "";
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    static void requireShape(String id, String what, Tensor t, int rows, int cols, String meaning) {
        if (t == null) {
            throw new StudentCodeFailed(exercise(id), what + " is null; the model needs (" + rows + "x" + cols + ") = "
                    + meaning);
        }
        if (t.rows() != rows || t.cols() != cols) {
            throw new StudentCodeFailed(exercise(id), what + " has shape " + t.shape() + "; the model needs ("
                    + rows + "x" + cols + ") = " + meaning);
        }
    }

    static void requireFinite(String id, String what, double[][] values) {
        if (!Mat.allFinite(values)) {
            throw new StudentCodeFailed(exercise(id), what + " holds NaN or infinite numbers");
        }
    }

    static void requireFinite(String id, String what, double value) {
        if (!Double.isFinite(value)) {
            throw new StudentCodeFailed(exercise(id), what + " is " + value + ", not a finite number");
        }
    }

    static void requireParamsFinite(String id, String what, List<Tensor> params) {
        for (Tensor p : params) {
            requireFinite(id, what, p.value());
        }
    }
}
