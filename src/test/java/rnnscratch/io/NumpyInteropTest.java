package rnnscratch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rnnscratch.UserException;

/**
 * Checks against real NumPy, run with every Python 3 interpreter found that imports numpy (the one on PATH and
 * Debian's /usr/bin/python3); skipped with a reason where there is none.
 */
@DisplayName("Interop with NumPy: numpy.load reads our files and we read numpy.savez's")
class NumpyInteropTest {
    @TempDir
    Path dir;

    /** Prints one line per entry: name|dtype|shape|hex of the values as little-endian f8 or i8 (or raw bytes). */
    private static final String DESCRIBE = String.join("\n",
            "import sys, numpy as np",
            "z = np.load(sys.argv[1])",
            "for name in z.files:",
            "    v = z[name]",
            "    if isinstance(v, bytes):",
            "        print(name + '|bytes||' + v.hex()); continue",
            "    w = v.astype('<f8' if v.dtype.kind == 'f' else '<i8')",
            "    print('|'.join([name, v.dtype.str, ','.join(map(str, v.shape)), w.tobytes().hex()]))");

    /** Writes the same arrays with savez and savez_compressed, appends vocab.txt, and a Fortran-order .npy. */
    private static final String WRITE = String.join("\n",
            "import sys, zipfile, numpy as np",
            "a = dict(m=np.array([[0.5, -0.0, np.inf], [np.nan, -np.inf, 1e-310]]),",
            "         f4=np.array([1.5, -2.25], dtype=np.float32), i4=np.arange(-3, 3, dtype=np.int32),",
            "         big=np.arange(4, dtype='>f8').reshape(2, 2), b=np.arange(24, dtype=np.int64).reshape(1, 2, 3, 4),",
            "         s=np.float64(0.25), n=np.int64(-7), e=np.zeros((0, 3)))",
            "for name, save in (('plain', np.savez), ('packed', np.savez_compressed)):",
            "    path = sys.argv[1] + '/' + name + '.npz'",
            "    save(path, **a)",
            "    with zipfile.ZipFile(path, 'a') as z: z.writestr('vocab.txt', '<unk>\\n \\ne\\n')",
            "np.save(sys.argv[1] + '/fortran.npy', np.asfortranarray(np.arange(6.0).reshape(2, 3)))",
            "np.save(sys.argv[1] + '/scalar.npy', np.float64(3.5))");

    static Stream<String> pythons() {
        return Stream.of("python3", "/usr/bin/python3");
    }

    private static boolean hasNumpy(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(String python, String script, String arg) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python, "-c", script, arg).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("python finished").isTrue();
        assertThat(p.exitValue()).as("python failed with:\n%s", out).isZero();
        return out;
    }

    private static String hex(NpyArray array) {
        var buffer = ByteBuffer.allocate(8 * array.size()).order(ByteOrder.LITTLE_ENDIAN);
        if (array instanceof DoubleArray d) {
            buffer.asDoubleBuffer().put(d.data());
        } else if (array instanceof LongArray l) {
            buffer.asLongBuffer().put(l.data());
        }
        return HexFormat.of().formatHex(buffer.array());
    }

    private static String shape(NpyArray array) {
        return java.util.Arrays.stream(array.shape()).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    @DisplayName("numpy.load opens our .npz, stored and compressed, with the same dtypes, shapes and bits")
    void numpyReadsOurArchives(String python) throws Exception {
        assumeTrue(hasNumpy(python), python + " with numpy is not available");
        var arrays = new LinkedHashMap<String, NpyArray>();
        arrays.put("W_xh", DoubleArray.fromMatrix(new double[][] {{0.1, -0.0}, {Double.NaN, Double.NEGATIVE_INFINITY}}));
        arrays.put("b_h", DoubleArray.vector(new double[] {Double.MIN_VALUE, Double.MAX_VALUE}));
        arrays.put("lr", DoubleArray.scalar(0.5));
        arrays.put("corpus", LongArray.vector(new long[] {Long.MIN_VALUE, 3, Long.MAX_VALUE}));
        arrays.put("batches", LongArray.ofInts(new int[] {2, 1, 2, 3}, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
        arrays.put("empty", new DoubleArray(new int[] {0, 3}, new double[0]));
        String vocab = "<unk>\n \ne\nt\né\n";
        for (boolean compressed : new boolean[] {false, true}) {
            Path file = dir.resolve(compressed ? "ours-packed.npz" : "ours.npz");
            if (compressed) {
                Npz.savezCompressed(file, arrays, Map.of("vocab.txt", vocab));
            } else {
                Npz.savez(file, arrays, Map.of("vocab.txt", vocab));
            }
            var expected = arrays.entrySet().stream().map(e -> String.join("|", e.getKey(), e.getValue().descr(),
                    shape(e.getValue()), hex(e.getValue()))).collect(Collectors.toList());
            expected.add("vocab.txt|bytes||" + HexFormat.of().formatHex(vocab.getBytes(StandardCharsets.UTF_8)));
            assertThat(run(python, DESCRIBE, file.toString()).lines().toList())
                    .as("what numpy sees in %s", file.getFileName()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    @DisplayName("We read numpy.savez and numpy.savez_compressed archives, value for value")
    void weReadNumpysArchives(String python) throws Exception {
        assumeTrue(hasNumpy(python), python + " with numpy is not available");
        run(python, WRITE, dir.toString());
        for (String name : List.of("plain", "packed")) {
            Path file = dir.resolve(name + ".npz");
            Npz npz = Npz.load(file);
            for (String line : run(python, DESCRIBE, file.toString()).lines().toList()) {
                String[] parts = line.split("\\|", -1);
                if (parts[1].equals("bytes")) {
                    assertThat(HexFormat.of().formatHex(npz.bytes(parts[0]))).as("entry %s", parts[0])
                            .isEqualTo(parts[3]);
                    continue;
                }
                NpyArray array = npz.array(parts[0]);
                assertThat(shape(array)).as("shape of %s (%s)", parts[0], parts[1]).isEqualTo(parts[2]);
                assertThat(hex(array)).as("values of %s (%s), widened to 8 bytes", parts[0], parts[1])
                        .isEqualTo(parts[3]);
            }
            assertThat(npz.text("vocab.txt")).as("%s: the text vocab.txt", name).isEqualTo("<unk>\n \ne\n");
            assertThat(npz.matrix("m")[1][2]).as("%s: m[1][2], a subnormal", name).isEqualTo(1e-310);
            assertThat(npz.longScalar("n")).as("%s: the int64 scalar n", name).isEqualTo(-7);
        }
        assertThat(Npy.load(dir.resolve("scalar.npy"))).as("numpy.save's scalar.npy")
                .isEqualTo(DoubleArray.scalar(3.5));
        assertThatThrownBy(() -> Npy.load(dir.resolve("fortran.npy"))).as("numpy.save's Fortran-order array")
                .isInstanceOf(UserException.class)
                .hasMessageContaining("Fortran");
    }
}
