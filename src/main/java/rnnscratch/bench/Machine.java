package rnnscratch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import rnnscratch.tensor.kernel.Kernel;
import rnnscratch.tensor.kernel.Parallel;

/**
 * The machine a benchmark ran on, for the first line of its report: speed figures mean little without it.
 *
 * <p>Docs: docs/performance.md
 *
 * @param cpu           the CPU's model name ({@code /proc/cpuinfo}), or the architecture where that is not readable
 * @param cores         the cores this JVM may use
 * @param vectorUnit    {@code AVX-512}, {@code AVX2} or what else the CPU's flags say; {@code unknown} when unreadable
 * @param vectorDoubles doubles per vector of the Vector API's preferred species; 0 when this JVM lacks the module
 * @param jdk           the JVM's name and version
 * @param jvmFlags      the options the JVM was started with (heap, collector, modules), space-separated
 */
record Machine(String cpu, int cores, String vectorUnit, int vectorDoubles, String jdk, String jvmFlags) {

    /** The machine this JVM runs on. */
    static Machine here() {
        List<String> cpuinfo = cpuinfo();
        String model = field(cpuinfo, "model name");
        String flags = " " + field(cpuinfo, "flags") + " ";
        String unit = flags.contains(" avx512f ") ? "AVX-512" : flags.contains(" avx2 ") ? "AVX2"
                : flags.contains(" asimd ") ? "NEON" : flags.isBlank() ? "unknown" : "no AVX2";
        return new Machine(model.isEmpty() ? System.getProperty("os.arch") : model,
                Runtime.getRuntime().availableProcessors(), unit,
                Kernel.vectorApiAvailable() ? FmaPeak.lanes() : 0,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }

    /** One line, e.g. {@code Intel(R) Xeon(R) Processor, 2 cores, AVX-512 (8 doubles per vector), OpenJDK ... 17}. */
    String describe() {
        String width = vectorDoubles > 0 ? vectorDoubles + " doubles per Vector API vector"
                : "Vector API not loaded";
        return String.format(Locale.ROOT, "%s, %d cores, %s (%s), %s; kernel threads by default: %d; JVM options: %s",
                cpu, cores, vectorUnit, width, jdk, Parallel.defaultThreads(), jvmFlags.isEmpty() ? "none" : jvmFlags);
    }

    private static List<String> cpuinfo() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String field(List<String> cpuinfo, String name) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return "";
    }
}
