package rnnscratch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs the book's PyTorch code ({@code ../shared/reference/d2l_rnn.py}) and NumPy as separate processes, for the
 * side-by-side figures of {@code bench}. Each run gets one thread ({@code --threads 1}, PyTorch's fastest CPU setting
 * at these sizes) and the OpenBLAS tuning variables unset, as the reference README asks.
 *
 * <p>Docs: docs/performance.md
 */
public final class ReferenceRunner {
    private static final Pattern EPOCH_SPEED = Pattern.compile("^epoch (\\d+) perplexity \\S+ speed ([0-9.]+) tok/s");

    private final Path python;
    private final Path script;

    public ReferenceRunner(Path python, Path script) {
        this.python = python;
        this.script = script;
    }

    /** Whether the interpreter exists and can import torch and numpy; empty when it can, else the reason. */
    public Optional<String> unavailableBecause() {
        if (!Files.isExecutable(python)) {
            return Optional.of(python + " not found");
        }
        if (!Files.isRegularFile(script)) {
            return Optional.of(script + " not found");
        }
        try {
            var out = run(List.of(python.toString(), "-c", "import torch, numpy"), Optional.empty());
            return out.exit() == 0 ? Optional.empty() : Optional.of("python cannot import torch: " + out.text().strip());
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Tokens per second of the book's training loop: the median of its per-epoch speeds, the first epoch (warm-up)
     * left out.
     */
    double trainingTokensPerSec(Path corpus, String dtype, int epochs) throws IOException {
        var out = run(List.of(python.toString(), script.toString(), "--corpus", corpus.toString(), "--dtype", dtype,
                "--threads", "1", "--epochs", Integer.toString(epochs + 1), "--every", "1"), Optional.of("1"));
        if (out.exit() != 0) {
            throw new IOException("d2l_rnn.py failed (exit " + out.exit() + "): " + lastLine(out.text()));
        }
        var speeds = new ArrayList<Double>();
        for (String line : out.text().split("\n")) {
            var m = EPOCH_SPEED.matcher(line);
            if (m.find() && Integer.parseInt(m.group(1)) > 1) {
                speeds.add(Double.parseDouble(m.group(2)));
            }
        }
        if (speeds.isEmpty()) {
            throw new IOException("no epoch speeds in d2l_rnn.py's output: " + lastLine(out.text()));
        }
        return KernelBench.median(speeds);
    }

    /** NumPy/OpenBLAS float64 GFLOPS of the three kernel products on {@code threads} threads. */
    List<Double> numpyGflops(int threads) throws IOException {
        String code = String.join("\n",
                "import time, numpy as np",
                "r = np.random.default_rng(1)",
                "h, w = r.standard_normal((32, 512)), r.standard_normal((512, 512))",
                "hs, dz = r.standard_normal((1120, 512)), r.standard_normal((1120, 512))",
                "cases = [(lambda: h @ w, 2*32*512*512), (lambda: hs.T @ dz, 2*512*1120*512),",
                "         (lambda: h @ w.T, 2*32*512*512)]",
                "for f, flops in cases:",
                "    n = max(1, 1_000_000_000 // flops)",
                "    for _ in range(n): f()",
                "    s = []",
                "    for _ in range(15):",
                "        t = time.perf_counter()",
                "        for _ in range(n): f()",
                "        s.append(flops * n / (time.perf_counter() - t) / 1e9)",
                "    print(sorted(s)[len(s) // 2])");
        var out = run(List.of(python.toString(), "-c", code), Optional.of(Integer.toString(threads)));
        if (out.exit() != 0) {
            throw new IOException("numpy benchmark failed: " + lastLine(out.text()));
        }
        var result = new ArrayList<Double>();
        for (String line : out.text().strip().split("\n")) {
            result.add(Double.parseDouble(line.strip()));
        }
        return result;
    }

    private record Output(int exit, String text) {}

    private static Output run(List<String> command, Optional<String> threads) throws IOException {
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        var env = pb.environment();
        env.remove("OPENBLAS_CORETYPE");
        env.remove("OPENBLAS_L2_SIZE");
        threads.ifPresent(t -> {
            env.put("OMP_NUM_THREADS", t);
            env.put("OPENBLAS_NUM_THREADS", t);
        });
        Process p = pb.start();
        byte[] bytes = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted");
        }
        return new Output(p.exitValue(), new String(bytes, StandardCharsets.UTF_8));
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
