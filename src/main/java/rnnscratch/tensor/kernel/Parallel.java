package rnnscratch.tensor.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits the work of one product between the calling thread and a few persistent worker threads.
 *
 * <p>Only the kernel uses it. Work is always split by whole output elements: by rows of the result, or — for a
 * short, wide result such as {@code H·W_hh} (32 rows, 512 columns) on more threads than it has rows to spare — by
 * columns ({@link #forBlocks}). Every output element is computed by exactly one thread in the same order as a single
 * thread would, so results are bit-identical whatever the number of threads. Thread {@code w} always gets the
 * {@code w}-th slice, so in the recurrence, where the same weight matrix is multiplied at every time step, each core
 * keeps its own slice of the columns of {@code W_hh} in its own cache for the whole minibatch instead of streaming
 * all of {@code W_hh} at every step (the idea of <i>Persistent RNNs</i>, Diamos et al. 2016).
 *
 * <p>A hand-off costs tens of microseconds, so callers only split products large enough to be worth it; and a piece
 * that a worker has not started when the caller is done with its own is run by the caller, so a busy machine that
 * does not schedule the worker in time costs no more than one thread. A kernel may also ask for its column slices to be
 * shared ({@link Split#shareChunks()}): a thread done with its own then takes the chunks of another's that it has not
 * started, so a worker held up in the middle of its slice costs the product at most the chunk it is in.
 *
 * <p>The number of threads is the number of cores, at most {@value #DEFAULT_MAX}, unless the system property
 * {@code rnnscratch.threads} says otherwise; {@link #setThreads(int)} changes it at run time.
 *
 * <p>Docs: docs/performance.md
 */
public final class Parallel {
    /** A piece of work over rows {@code [from, to)}. */
    @FunctionalInterface
    public interface RowRange {
        void run(int from, int to);
    }

    /**
     * A piece of work over a block of the result: rows {@code [rowFrom, rowTo)} × columns {@code [colFrom, colTo)}.
     */
    @FunctionalInterface
    public interface Block {
        void run(int rowFrom, int rowTo, int colFrom, int colTo);
    }

    /** The default number of threads is the number of cores, but no more than this. */
    public static final int DEFAULT_MAX = 16;
    /** Products with fewer multiply-adds than this run on one thread (a hand-off costs more than it saves). */
    public static final long SPLIT_WORK = 1L << 18;
    /** Column slices are multiples of this many columns (a 64-byte cache line of doubles), and at least this wide. */
    static final int COLUMN_ALIGN = 8;
    /** A slice narrower than this many columns is not worth a thread. */
    static final int MIN_SLICE = 32;
    /**
     * A result with fewer rows than this per thread is split by columns: with few rows each, every thread would
     * stream all of the right operand for little work.
     */
    static final int MIN_ROWS = 16;

    private static volatile int threads = initialThreads();
    private static Worker[] workers = new Worker[0];

    private Parallel() {}

    private static int initialThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        int wanted = Integer.getInteger("rnnscratch.threads", defaultThreads());
        return Math.max(1, wanted);
    }

    /** The number of cores, at most {@value #DEFAULT_MAX}: the default number of threads. */
    public static int defaultThreads() {
        return Math.min(DEFAULT_MAX, Runtime.getRuntime().availableProcessors());
    }

    /** The number of threads a split uses (the caller plus {@code threads() - 1} workers). */
    public static int threads() {
        return threads;
    }

    /** Sets the number of threads used by later splits; {@code n >= 1}. */
    public static synchronized void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        threads = n;
    }

    /**
     * Runs {@code body} over {@code [0, n)}: in one piece when {@code split} is false or only one thread is set,
     * otherwise in contiguous pieces, one per thread, the caller taking the first.
     */
    public static void forRows(int n, boolean split, RowRange body) {
        int t = Math.min(threads, n);
        if (!split || t <= 1) {
            body.run(0, n);
            return;
        }
        forRowsSplit(n, t, body);
    }

    /**
     * How a kernel wants a short, wide result split: by columns when a split by rows would leave a thread fewer than
     * {@code minRows} rows, in slices of whole multiples of {@code columnAlign} columns (its register tile's width),
     * the columns left over going to the first slice, the caller's.
     *
     * @param minRows     the fewest rows per thread for which a split by rows is still kept
     * @param columnAlign every column slice but the first is a multiple of this many columns
     * @param minWork     products with fewer multiply-adds than this run on the calling thread alone
     * @param shareChunks whether a column slice is run as chunks of {@code columnAlign} columns that a thread done
     *                    with its own slice takes from the end of a slower thread's ({@link #forChunks})
     */
    record Split(int minRows, int columnAlign, long minWork, boolean shareChunks) {
        /** A split whose column slices are not shared ({@code shareChunks} false). */
        Split(int minRows, int columnAlign, long minWork) {
            this(minRows, columnAlign, minWork, false);
        }
    }

    /**
     * The plain kernel's split: {@value #MIN_ROWS} rows, slices of whole cache lines ({@value #COLUMN_ALIGN} columns),
     * products from {@value #SPLIT_WORK} multiply-adds.
     */
    static final Split PLAIN_SPLIT = new Split(MIN_ROWS, COLUMN_ALIGN, SPLIT_WORK);

    /**
     * Runs {@code body} over the {@code rows × cols} result of a product with {@code work} multiply-adds: in one piece
     * when the product is small or one thread is set; otherwise split over the threads by columns when the result is
     * at least as wide as it is tall and has fewer than {@value #MIN_ROWS} rows per thread (each slice but the first a
     * multiple of {@value #COLUMN_ALIGN} columns, thread {@code w} always the {@code w}-th slice), else by rows.
     *
     * <p>Why the two: {@code H·W_hh} at the book's setting has 32 rows. On 2 threads, 16 rows each and all of
     * {@code W_hh} (2 MB) streamed by each thread at every step cost no more than slices of columns (the streaming is
     * far from the memory's limit, and full rows make longer inner loops); on 16 threads, 2 rows each would leave
     * every core streaming 2 MB for a sliver of work, while a slice of 32 columns of {@code W_hh} (128 KB) stays in
     * the core's own cache for the whole minibatch.
     */
    public static void forBlocks(int rows, int cols, long work, Block body) {
        forBlocks(rows, cols, work, PLAIN_SPLIT, body);
    }

    /** {@link #forBlocks(int, int, long, Block)} with a kernel's own {@link Split}. */
    static void forBlocks(int rows, int cols, long work, Split split, Block body) {
        int t = threads;
        if (work < split.minWork() || t <= 1) {
            body.run(0, rows, 0, cols);
            return;
        }
        if (cols >= rows && rows < split.minRows() * t) {
            int align = split.columnAlign();
            int pieces = Math.min(t, Math.max(1, cols / Math.max(MIN_SLICE, align)));
            if (pieces <= 1) {
                body.run(0, rows, 0, cols);
            } else if (split.shareChunks()) {
                forChunks(rows, cols, pieces, align, body);
            } else {
                forRowsSplit(pieces, pieces, (from, to) -> {
                    for (int p = from; p < to; p++) {
                        body.run(0, rows, sliceStart(p, pieces, cols, align), sliceStart(p + 1, pieces, cols, align));
                    }
                });
            }
            return;
        }
        forRows(rows, true, (from, to) -> body.run(from, to, 0, cols));
    }

    /**
     * Where column slice {@code p} of {@code pieces} starts: the slices after it hold the whole multiple of
     * {@code align} nearest to their even share, so that the columns left over go to slice 0, the caller's, which
     * starts first. Every slice is at least {@code align} wide, since each even share is.
     */
    private static int sliceStart(int p, int pieces, int cols, int align) {
        return p == 0 ? 0 : cols - Math.round((float) (pieces - p) * cols / pieces / align) * align;
    }

    /**
     * The column split with its slices shared: the {@code cols} columns are cut into chunks of {@code align} columns
     * (the first chunk also takes the columns left over), and thread {@code p} owns the chunks of the {@code p}-th slice,
     * the same slices as {@link #sliceStart} gives. Each thread runs its own chunks from the front of its slice; one
     * that is done takes, one at a time, the chunks that another has not started, from the end of that one's slice.
     * A thread that the machine does not schedule for a while (the hypervisor, the JIT compiler, another program) so
     * holds up the product by at most the chunk it is in, not the rest of its slice; and as long as the threads keep
     * pace, each runs just its own slice, as without sharing, and keeps its slice of {@code W_hh} in its own cache.
     * Each chunk is run by one thread, whole, so the bits are those of any other split.
     */
    private static void forChunks(int rows, int cols, int pieces, int align, Block body) {
        int chunks = Math.max(1, cols / align);
        var slices = new ChunkRange[pieces];
        for (int p = 0; p < pieces; p++) {
            slices[p] = new ChunkRange(chunkOf(sliceStart(p, pieces, cols, align), cols, chunks, align),
                    chunkOf(sliceStart(p + 1, pieces, cols, align), cols, chunks, align));
        }
        forRowsSplit(pieces, pieces, (from, to) -> {
            for (int p = from; p < to; p++) {
                for (int c = slices[p].takeFirst(); c >= 0; c = slices[p].takeFirst()) {
                    body.run(0, rows, chunkStart(c, cols, chunks, align), chunkStart(c + 1, cols, chunks, align));
                }
                for (int q = 1; q < pieces; q++) {
                    var other = slices[(p + q) % pieces];
                    for (int c = other.takeLast(); c >= 0; c = other.takeLast()) {
                        body.run(0, rows, chunkStart(c, cols, chunks, align), chunkStart(c + 1, cols, chunks, align));
                    }
                }
            }
        });
    }

    /** Where chunk {@code c} of {@code chunks} starts: chunk 0 at 0, every later one {@code align} wide, up to {@code cols}. */
    private static int chunkStart(int c, int cols, int chunks, int align) {
        return c == 0 ? 0 : cols - (chunks - c) * align;
    }

    /** The chunk that starts at column {@code start} (a slice's start: 0 or {@code cols} less whole chunks). */
    private static int chunkOf(int start, int cols, int chunks, int align) {
        return start == 0 ? 0 : chunks - (cols - start) / align;
    }

    /**
     * The chunks {@code [first, end)} of one slice not yet taken: its owner takes them from the front, the other threads
     * from the back, each chunk by exactly one thread (one compare-and-set on both ends together).
     */
    private static final class ChunkRange {
        private final AtomicLong range;

        ChunkRange(int first, int end) {
            range = new AtomicLong(pack(first, end));
        }

        private static long pack(int first, int end) {
            return ((long) first << 32) | (end & 0xffffffffL);
        }

        /** The first chunk not yet taken, now taken, or -1 if none is left. */
        int takeFirst() {
            return take(true);
        }

        /** The last chunk not yet taken, now taken, or -1 if none is left. */
        int takeLast() {
            return take(false);
        }

        private int take(boolean first) {
            while (true) {
                long r = range.get();
                int from = (int) (r >>> 32);
                int end = (int) r;
                if (from >= end) {
                    return -1;
                }
                long rest = first ? pack(from + 1, end) : pack(from, end - 1);
                if (range.compareAndSet(r, rest)) {
                    return first ? from : end - 1;
                }
            }
        }
    }

    private static synchronized void forRowsSplit(int n, int t, RowRange body) {
        ensureWorkers(t - 1);
        int chunk = (n + t - 1) / t;
        for (int w = 1; w < t; w++) {
            int from = Math.min(n, w * chunk);
            int to = Math.min(n, from + chunk);
            workers[w - 1].submit(body, from, to);
        }
        RuntimeException failure = null;
        try {
            body.run(0, Math.min(n, chunk));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (int w = 1; w < t; w++) {
            RuntimeException theirs = workers[w - 1].finish();
            if (failure == null) {
                failure = theirs;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void ensureWorkers(int n) {
        if (workers.length >= n) {
            return;
        }
        var grown = new Worker[n];
        System.arraycopy(workers, 0, grown, 0, workers.length);
        for (int i = workers.length; i < n; i++) {
            grown[i] = new Worker(i + 1);
        }
        workers = grown;
    }

    /**
     * One persistent daemon thread that spins briefly, then parks, waiting for its next piece of work. A piece the
     * worker has not started by the time the caller has finished its own is taken back and run by the caller, so a
     * busy machine that does not schedule the worker in time costs no more than one thread would.
     */
    private static final class Worker implements Runnable {
        /**
         * How long a worker keeps spinning for its next piece before it parks: long enough to bridge the element-wise
         * work between two products of a time step and the backward rules between two steps, so that a product's
         * hand-off needs no wake-up (with 0.3 ms a 12-epoch run parked about 1,900 times, with 3 ms about 200).
         */
        private static final long SPIN_NANOS = 3_000_000;
        /** How long the caller spins for a worker to finish its piece before it parks. */
        private static final long WAIT_NANOS = 2_000_000;
        private static final int IDLE = 0;
        private static final int SUBMITTED = 1;
        private static final int RUNNING = 2;
        private static final int DONE = 3;

        private final Thread thread;
        private final AtomicInteger state = new AtomicInteger(IDLE);
        private volatile Thread waiter;
        private RowRange task;
        private int from;
        private int to;
        private RuntimeException failure;

        Worker(int index) {
            thread = new Thread(this, "rnnscratch-matmul-" + index);
            thread.setDaemon(true);
            thread.start();
        }

        void submit(RowRange body, int from, int to) {
            this.task = body;
            this.from = from;
            this.to = to;
            this.failure = null;
            state.set(SUBMITTED); // volatile write publishes the fields above
            LockSupport.unpark(thread);
        }

        /** Runs the piece here if the worker has not started it, else waits for the worker to finish it. */
        RuntimeException finish() {
            if (state.compareAndSet(SUBMITTED, IDLE)) {
                try {
                    task.run(from, to);
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }
            waiter = Thread.currentThread();
            long start = System.nanoTime();
            while (state.get() != DONE) {
                if (System.nanoTime() - start > WAIT_NANOS) {
                    LockSupport.park(this);
                } else {
                    Thread.onSpinWait();
                }
            }
            waiter = null;
            state.set(IDLE);
            return failure;
        }

        @Override
        public void run() {
            while (true) {
                long start = System.nanoTime();
                while (state.get() != SUBMITTED || !state.compareAndSet(SUBMITTED, RUNNING)) {
                    if (System.nanoTime() - start > SPIN_NANOS) {
                        LockSupport.park(this);
                    } else {
                        Thread.onSpinWait();
                    }
                }
                try {
                    task.run(from, to);
                } catch (RuntimeException e) {
                    failure = e;
                }
                state.set(DONE);
                Thread w = waiter;
                if (w != null) {
                    LockSupport.unpark(w);
                }
            }
        }
    }
}
