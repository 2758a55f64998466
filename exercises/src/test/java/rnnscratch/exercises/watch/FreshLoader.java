package rnnscratch.exercises.watch;

import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * A class loader for one test run: the classes of package {@code rnnscratch.exercises} itself (the exercises just
 * compiled, their tests, {@code TestData}) come from its own folders and never from the parent, so every run sees the
 * student's latest code — and never the reference solutions that the parent may hold under the same names. Everything
 * else (the library, JUnit, QuickTheories, {@code rnnscratch.exercises.progress}) comes from the parent and stays
 * warm from run to run.
 *
 * <p>Docs: docs/exercises.md
 */
public final class FreshLoader extends URLClassLoader {
    private static final String PACKAGE = "rnnscratch.exercises.";

    static {
        registerAsParallelCapable();
    }

    /**
     * @param folders the class folders to load the exercise package from, first match wins (the freshly compiled
     *                exercises, then the test classes)
     * @param parent  everything else
     */
    public FreshLoader(List<Path> folders, ClassLoader parent) {
        super(urls(folders), parent);
    }

    /** True for a class of package {@code rnnscratch.exercises} itself, not of a package below it. */
    public static boolean isExercisePackage(String className) {
        return className.startsWith(PACKAGE) && className.indexOf('.', PACKAGE.length()) < 0;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!isExercisePackage(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = findClass(name); // child only: a class missing here must not be taken from the parent
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private static URL[] urls(List<Path> folders) {
        return folders.stream().map(p -> {
            try {
                return p.toAbsolutePath().toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }).toArray(URL[]::new);
    }
}
