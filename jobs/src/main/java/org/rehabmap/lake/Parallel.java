package org.rehabmap.lake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool of driver threads for a step's independent pieces of work: checking the gold tables
 * of a run against their contracts, reading gold tables, building packs, loading the warehouse. Spark
 * runs jobs from several driver threads at once, so one piece's planning and code generation (driver
 * CPU) overlaps another's tasks. Results come back in the order the work was given, whatever order it
 * finished in, so what is printed and written does not depend on timing.
 */
public final class Parallel implements AutoCloseable {
    private final ExecutorService pool;

    /** @param threads at most this many pieces run at once (1: one after another) */
    public Parallel(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "rehabmap-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The machine's cores: the work is CPU (rendering, Spark's driver) and waiting (disk, PostgreSQL). */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Starts one piece of work now; {@link #join} waits for it. */
    public <T> Future<T> submit(Callable<T> work) {
        return pool.submit(work);
    }

    /** Runs every piece, at most the pool's size at once, and returns their results in the given order. */
    public <T> List<T> all(List<Callable<T>> work) throws Exception {
        List<Future<T>> started = new ArrayList<>();
        for (Callable<T> w : work) {
            started.add(pool.submit(w));
        }
        List<T> out = new ArrayList<>();
        Exception first = null;
        // wait for every piece even when one failed, so none is still writing when the step reports
        for (Future<T> f : started) {
            try {
                out.add(join(f));
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return out;
    }

    /**
     * {@code f} of every item, at most {@code threads} at once, results in the items' order. For work that is
     * mostly waiting on Spark's small jobs (opening Delta tables, planning a cache): a RuntimeException of a
     * piece is rethrown as it is.
     */
    public static <A, B> List<B> map(String name, int threads, List<A> items, java.util.function.Function<A, B> f) {
        List<Callable<B>> work = new ArrayList<>();
        for (A item : items) {
            work.add(() -> f.apply(item));
        }
        try (Parallel pool = new Parallel(name, Math.min(threads, Math.max(1, items.size())))) {
            return pool.all(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    /** The piece's result, or the exception it threw (not wrapped). */
    public static <T> T join(Future<T> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
