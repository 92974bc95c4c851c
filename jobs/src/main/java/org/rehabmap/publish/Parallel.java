package org.rehabmap.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool of driver threads for the publish step's independent pieces of work (reading gold
 * tables, building packs, loading the warehouse). Results come back in the order the work was
 * given, whatever order it finished in, so what is printed and written does not depend on timing.
 */
final class Parallel implements AutoCloseable {
    private final ExecutorService pool;

    /** @param threads at most this many pieces run at once (1: one after another) */
    Parallel(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "publish-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The machine's cores: publish work is CPU (rendering, Spark's driver) and waiting (disk, PostgreSQL). */
    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Starts one piece of work now; {@link #join} waits for it. */
    <T> Future<T> submit(Callable<T> work) {
        return pool.submit(work);
    }

    /** Runs every piece, at most the pool's size at once, and returns their results in the given order. */
    <T> List<T> all(List<Callable<T>> work) throws Exception {
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

    /** The piece's result, or the exception it threw (not wrapped). */
    static <T> T join(Future<T> f) throws Exception {
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
