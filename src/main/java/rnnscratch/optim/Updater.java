package rnnscratch.optim;

/**
 * What {@code train_epoch_ch8} updates the parameters with — the notes' two branches:
 * <ul>
 *   <li>an {@link Optimizer} ({@code torch.optim.Optimizer}): {@code updater.zero_grad()}, {@code l.backward()},
 *       {@code grad_clipping(net, 1)}, {@code updater.step()};</li>
 *   <li>a hand-written updater, {@link Custom} (the book's {@code lambda batch_size: sgd(params, lr, batch_size)}):
 *       {@code l.backward()}, {@code grad_clipping(net, 1)}, {@code updater(batch_size=1)} — the function zeroes the
 *       gradients itself after updating.</li>
 * </ul>
 *
 * <p>Docs: docs/training.md#two-kinds-of-updater
 */
public sealed interface Updater permits Updater.Custom, Optimizer {
    /**
     * {@code updater(batch_size)}: updates every parameter from its gradient, then zeroes the gradients. The training
     * loop calls it on a hand-written updater; an {@link Optimizer} is driven by its {@code zeroGrad()} and
     * {@code step()} instead.
     */
    void update(int batchSize);

    /** The hand-written updater: a function of the batch size ({@code updater(batch_size=1)}). */
    @FunctionalInterface
    non-sealed interface Custom extends Updater {}
}
