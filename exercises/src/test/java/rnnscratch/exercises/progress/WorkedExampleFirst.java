package rnnscratch.exercises.progress;

import java.util.Comparator;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;
import org.junit.jupiter.api.Order;

/**
 * The order of an exercise's tests, so that the first failure names the bug: first the worked examples (methods
 * named {@code workedExample…}), each isolating one idea a student can follow by hand, then the properties; within
 * each group by {@code @Order}, then by name.
 *
 * <p>Every exercise test class writes the same order down itself, with
 * {@code @TestMethodOrder(MethodOrderer.OrderAnnotation.class)} and an {@code @Order} on each test, so that the
 * default build, student mode, the watch mode and an IDE all run the tests in one order ({@code
 * ExerciseTestOrderTest} checks it). This orderer is the default of student mode and the watch mode
 * ({@link ExerciseRun}), for a test class that has no order of its own.
 *
 * <p>Docs: docs/exercises.md
 */
public final class WorkedExampleFirst implements MethodOrderer {
    /** The order of one test method: worked examples first, then by {@code @Order}, then by name. */
    static final Comparator<java.lang.reflect.Method> ORDER = Comparator
            .comparing((java.lang.reflect.Method m) -> !isWorkedExample(m.getName()))
            .thenComparing(m -> m.isAnnotationPresent(Order.class) ? m.getAnnotation(Order.class).value()
                    : Order.DEFAULT)
            .thenComparing(java.lang.reflect.Method::getName);

    /** True for a worked example's method name: {@code workedExample}, {@code workedExampleTwoSteps}, …. */
    static boolean isWorkedExample(String methodName) {
        return methodName.startsWith("workedExample");
    }

    @Override
    public void orderMethods(MethodOrdererContext context) {
        context.getMethodDescriptors().sort(Comparator.comparing(MethodDescriptor::getMethod, ORDER));
    }
}
