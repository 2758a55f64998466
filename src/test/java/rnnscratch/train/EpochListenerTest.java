package rnnscratch.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two listeners following one run (the command line's progress and a report). Docs: docs/training.md */
class EpochListenerTest {
    /** Writes down every call it gets, as "name: call"; asks for a stop as told. */
    private record Recording(String name, List<String> log, boolean stops)
            implements EpochListener {
        @Override
        public void epochEnded(EpochStats stats) {
            log.add(name + ": epoch " + stats.epoch());
        }

        @Override
        public void sample(int epoch, String text) {
            log.add(name + ": sample " + text);
        }

        @Override
        public void finished(TrainResult result) {
            log.add(name + ": finished");
        }

        @Override
        public boolean stopRequested() {
            return stops;
        }

        @Override
        public void minibatchEnded(MinibatchStats stats) {
            log.add(name + ": minibatch " + stats.minibatch());
        }

    }

    @Test
    @DisplayName("Both listeners hear every call, the first before the second")
    void bothHearEveryCallInOrder() {
        var log = new ArrayList<String>();
        var both = EpochListener.both(new Recording("a", log, false), new Recording("b", log, false));
        both.minibatchEnded(new MinibatchStats(1, 7, 2.0, 0.5, 1.0));
        both.epochEnded(new EpochStats(1, 9.0, 100.0, 0, 0, OptionalInt.empty(), 1.0));
        both.sample(1, "time traveller");
        both.finished(new TrainResult(9.0, 100.0, 1, false, List.of()));
        assertThat(log).containsExactly("a: minibatch 7", "b: minibatch 7", "a: epoch 1", "b: epoch 1",
                "a: sample time traveller", "b: sample time traveller", "a: finished", "b: finished");
    }

    @Test
    @DisplayName("Together they ask for a stop when either of them does")
    void eitherCanStop() {
        var log = new ArrayList<String>();
        for (boolean first : new boolean[] {false, true}) {
            for (boolean second : new boolean[] {false, true}) {
                var stop = EpochListener.both(new Recording("a", log, first), new Recording("b", log, second));
                assertThat(stop.stopRequested()).as("stop: first %s, second %s", first, second)
                        .isEqualTo(first || second);
            }
        }
    }
}
