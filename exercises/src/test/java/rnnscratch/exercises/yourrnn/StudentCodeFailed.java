package rnnscratch.exercises.yourrnn;

import rnnscratch.exercises.progress.Exercise;

/**
 * A student's part failed inside the "your RNN" run: it threw, returned something of the wrong shape, or produced a
 * number that is not finite. The message is one line naming the exercise, what went wrong and where to read.
 *
 * <p>Docs: docs/exercises.md#your-rnn
 */
final class StudentCodeFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StudentCodeFailed(Exercise exercise, String problem) {
        super(exercise.label() + " (" + exercise.title() + "): your " + problem + " — read " + exercise.docs(), null,
                false, false);
    }
}
