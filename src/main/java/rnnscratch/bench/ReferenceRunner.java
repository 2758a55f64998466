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
 * side-by-side figures of {@code bench}. Every run starts with the OpenBLAS tuning variables {@code OPENBLAS_CORETYPE}
 * and {@code OPENBLAS_L2_SIZE} unset, as the reference README asks; how many threads PyTorch and OpenBLAS use, and
 * whether OpenBLAS's kernels are named ({@code OPENBLAS_CORETYPE}) or left to its detection, is a {@link Setting},
 * and {@link #settings(int, String)} lists the ones to try, so that the comparison is against PyTorch's fastest CPU
 * setting on the machine at hand rather than one chosen in advance.
 *
 * <p>Docs: docs/performance.md
 */
public final class ReferenceRunner {
    /**
     * How the book's code may run: {@code torch.set_num_threads(torchThreads)}; OpenBLAS either pinned to one thread
     * ({@code OPENBLAS_NUM_THREADS=1}) or left to choose for itself (no thread variable set); and OpenBLAS's kernels
     * either detected by OpenBLAS ({@code openblasCore} empty) or named ({@code OPENBLAS_CORETYPE=SkylakeX}). OpenBLAS
     * 0.3.21 does not know every newer CPU: on this project's Xeon it detects "Prescott" and runs its SSE3 kernels,
     * six times slower than its AVX-512 ones, so a fair comparison tries the named cores too.
     */
    public record Setting(int torchThreads, boolean openblasPinned, String openblasCore) {
        /** A setting with OpenBLAS's own choice of kernels. */
        public Setting(int torchThreads, boolean openblasPinned) {
            this(torchThreads, openblasPinned, "");
        }

        /** E.g. {@code torch 1 thread, OpenBLAS unpinned} or {@code torch 1 thread, OpenBLAS 1 thread, core SkylakeX}. */
        public String describe() {
            return "torch " + torchThreads + (torchThreads == 1 ? " thread" : " threads") + ", OpenBLAS "
                    + (openblasPinned ? "1 thread" : "unpinned") + (openblasCore.isEmpty() ? "" : ", core "
                    + openblasCore);
        }
    }

    /**
     * The settings to try on a machine with {@code cores} cores, OpenBLAS choosing its own kernels: torch threads 1,
     * 2 and (where there are more) all the cores, each with OpenBLAS pinned to one thread and unpinned.
     */
    public static List<Setting> settings(int cores) {
        return settings(cores, "unknown");
    }

    /**
     * The settings to try: those of {@link #settings(int)}, then the same with OpenBLAS's kernels named for the
     * machine's vector unit — {@code SkylakeX} and {@code Haswell} with AVX-512, {@code Haswell} with AVX2.
     */
    public static List<Setting> settings(int cores, String vectorUnit) {
        var torchThreads = new ArrayList<>(List.of(1, 2));
        if (cores > 2) {
            torchThreads.add(cores);
        }
        var coreTypes = new ArrayList<>(List.of(""));
        coreTypes.addAll(openblasCores(vectorUnit));
        var all = new ArrayList<Setting>();
        for (String core : coreTypes) {
            for (int t : torchThreads) {
                all.add(new Setting(t, true, core));
                all.add(new Setting(t, false, core));
            }
        }
        return all;
    }

    /** The OpenBLAS core types worth naming for a vector unit. */
    static List<String> openblasCores(String vectorUnit) {
        return switch (vectorUnit) {
            case "AVX-512" -> List.of("SkylakeX", "Haswell");
            case "AVX2" -> List.of("Haswell");
            default -> List.of();
        };
    }

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
            var out = run(List.of(python.toString(), "-c", "import torch, numpy"), Optional.empty(), "");
            return out.exit() == 0 ? Optional.empty() : Optional.of("python cannot import torch: " + out.text().strip());
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Tokens per second of the book's training loop in {@code dtype} with {@code setting}: the median of its
     * per-epoch speeds over {@code epochs} epochs, after one warm-up epoch that is left out.
     */
    double trainingTokensPerSec(Path corpus, String dtype, int epochs, Setting setting) throws IOException {
        var out = run(List.of(python.toString(), script.toString(), "--corpus", corpus.toString(), "--dtype", dtype,
                "--threads", Integer.toString(setting.torchThreads()), "--epochs", Integer.toString(epochs + 1),
                "--every", "1"), setting.openblasPinned() ? Optional.of("1") : Optional.empty(), setting.openblasCore());
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

    /**
     * NumPy/OpenBLAS float64 GFLOPS of the three kernel products, OpenBLAS on {@code threads} threads: for each
     * product the best of OpenBLAS's own choice of kernels and of each core type worth naming here.
     */
    List<Double> numpyGflops(int threads, String vectorUnit) throws IOException {
        var cores = new ArrayList<>(List.of(""));
        cores.addAll(openblasCores(vectorUnit));
        List<Double> best = List.of();
        for (String core : cores) {
            var g = numpyGflopsWith(threads, core);
            if (best.isEmpty()) {
                best = g;
            } else {
                var max = new ArrayList<Double>();
                for (int i = 0; i < g.size(); i++) {
                    max.add(Math.max(best.get(i), g.get(i)));
                }
                best = max;
            }
        }
        return best;
    }

    private List<Double> numpyGflopsWith(int threads, String core) throws IOException {
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
        var out = run(List.of(python.toString(), "-c", code), Optional.of(Integer.toString(threads)), core);
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

    /**
     * Runs {@code command}; {@code openblasThreads} pins OpenBLAS, empty leaves its threads to itself;
     * {@code openblasCore} names OpenBLAS's kernels, empty leaves the choice to it.
     */
    private static Output run(List<String> command, Optional<String> openblasThreads, String openblasCore)
            throws IOException {
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        var env = pb.environment();
        env.remove("OPENBLAS_CORETYPE");
        env.remove("OPENBLAS_L2_SIZE");
        env.remove("OPENBLAS_NUM_THREADS");
        env.remove("GOTO_NUM_THREADS");
        env.remove("OMP_NUM_THREADS");
        openblasThreads.ifPresent(t -> env.put("OPENBLAS_NUM_THREADS", t));
        if (!openblasCore.isEmpty()) {
            env.put("OPENBLAS_CORETYPE", openblasCore);
        }
        Process p = Children.start(pb);
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
