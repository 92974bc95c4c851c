package org.rehabmap.pipeline;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many Spark jobs a step ran: the measure issue 11 sets for curate (each job is a scheduling round
 * trip, and a rebuild of hundreds of small jobs is what made a night slow). Counted by a listener for
 * the length of the step; the listener bus is drained before reading, because Spark delivers its events
 * on another thread and a count read straight after the last job could miss it.
 */
public final class SparkJobCount implements AutoCloseable {
    private static final long DRAIN_MILLIS = 10_000;
    private final SparkContext sc;
    private final AtomicInteger jobs = new AtomicInteger();
    private final SparkListener listener = new SparkListener() {
        @Override
        public void onJobStart(SparkListenerJobStart jobStart) {
            jobs.incrementAndGet();
        }
    };

    private SparkJobCount(SparkContext sc) {
        this.sc = sc;
        sc.addSparkListener(listener);
    }

    public static SparkJobCount start(SparkContext sc) {
        return new SparkJobCount(sc);
    }

    /** The jobs started since {@link #start}, once every event posted so far has been delivered. */
    public int jobs() {
        try {
            sc.listenerBus().waitUntilEmpty(DRAIN_MILLIS);
        } catch (TimeoutException e) {
            // a count a few events short is still the right order of magnitude; the step itself is done
        }
        return jobs.get();
    }

    @Override
    public void close() {
        sc.removeSparkListener(listener);
    }
}
