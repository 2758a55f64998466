package rnnscratch.exercises.progress;

import java.util.Comparator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

/**
 * The order of an exercise's tests in student mode and watch mode: the worked example first — the failure a student
 * can follow by hand — then the properties in JUnit's usual order.
 *
 * <p>Docs: docs/exercises.md
 */
public final class WorkedExampleFirst implements MethodOrderer {
    @Override
    public void orderMethods(MethodOrdererContext context) {
        context.getMethodDescriptors().sort(Comparator.comparing(d -> !d.getMethod().getName().equals("workedExample")));
    }
}
