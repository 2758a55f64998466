package rnnscratch.exercises.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Each exercise's tests run in one fixed order, the same in the default build, student mode, the watch mode and an
 * IDE: the worked examples first, each isolating one idea, then the properties. Docs: docs/exercises.md
 */
class ExerciseTestOrderTest {
    private static List<Method> tests(Class<?> c) {
        return Arrays.stream(c.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Test.class)).toList();
    }

    @Test
    @DisplayName("Every exercise test class numbers its tests with @Order: its worked examples first, then its "
            + "properties")
    void workedExamplesComeFirst() throws ClassNotFoundException {
        for (var e : ExerciseCatalog.ALL) {
            Class<?> c = Class.forName(e.testClassName());
            var order = c.getAnnotation(TestMethodOrder.class);
            assertThat(order).as("%s carries @TestMethodOrder(MethodOrderer.OrderAnnotation.class)", e.testPath())
                    .isNotNull();
            assertThat(order.value()).as("%s orders its tests by @Order", e.testPath())
                    .isEqualTo(MethodOrderer.OrderAnnotation.class);
            var tests = tests(c);
            for (Method m : tests) {
                assertThat(m.isAnnotationPresent(Order.class)).as("%s#%s has an @Order", e.testPath(), m.getName())
                        .isTrue();
            }
            var byOrder = tests.stream()
                    .sorted((a, b) -> Integer.compare(a.getAnnotation(Order.class).value(),
                            b.getAnnotation(Order.class).value()))
                    .map(Method::getName).toList();
            assertThat(byOrder).as("%s: the @Order numbers are all different", e.testPath())
                    .hasSize((int) tests.stream().map(m -> m.getAnnotation(Order.class).value()).distinct().count());
            assertThat(byOrder.get(0)).as("%s: the first test is the worked example", e.testPath())
                    .isEqualTo("workedExample");
            int lastWorked = -1;
            int firstProperty = byOrder.size();
            for (int i = 0; i < byOrder.size(); i++) {
                if (WorkedExampleFirst.isWorkedExample(byOrder.get(i))) {
                    lastWorked = i;
                } else {
                    firstProperty = Math.min(firstProperty, i);
                }
            }
            assertThat(lastWorked).as("%s runs %s: every workedExample… before the first property", e.testPath(),
                    byOrder).isLessThan(firstProperty);
            assertThat(tests.stream().sorted(WorkedExampleFirst.ORDER).map(Method::getName).toList())
                    .as("%s: student mode's default order agrees with the @Order numbers", e.testPath())
                    .isEqualTo(byOrder);
        }
    }
}
