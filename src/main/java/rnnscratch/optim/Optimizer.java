package rnnscratch.optim;

/**
 * An optimiser object, as {@code torch.optim.Optimizer}: it holds the parameters, {@link #step()} updates them from
 * their gradients, and {@link #zeroGrad()} — called by the training loop before each backward pass — clears the
 * gradients, which {@code step()} leaves as they are. {@link SgdOptimizer} and {@link Adam} are the two here.
 *
 * <p>Docs: docs/training.md#two-kinds-of-updater
 */
public non-sealed interface Optimizer extends Updater {
    /** Sets every parameter's gradient to zero ({@code optimizer.zero_grad()}). */
    void zeroGrad();

    /** One update of every parameter from its current gradient ({@code optimizer.step()}). */
    void step();

    /**
     * Used as a hand-written updater: {@link #step()}, then {@link #zeroGrad()}. The batch size is not used: an
     * optimiser's learning rate applies to the gradient of the loss as it is (for the RNN, already a mean).
     */
    @Override
    default void update(int batchSize) {
        step();
        zeroGrad();
    }
}
