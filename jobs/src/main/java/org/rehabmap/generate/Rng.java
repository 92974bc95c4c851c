package org.rehabmap.generate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random numbers for the generator. Every stream is derived from (seed, label, ids) so a
 * source, a provider or a person always draws the same numbers whatever else is generated
 * around it, and the output never depends on wall-clock time or hash-map order.
 * {@link SplittableRandom}'s algorithm is fixed by its specification, so the bytes are the same
 * on every JDK.
 */
final class Rng {
    private final SplittableRandom random;

    private Rng(long state) {
        this.random = new SplittableRandom(state);
    }

    /** A stream for one purpose: the same (seed, label, ids) always gives the same numbers. */
    static Rng of(long seed, String label, long... ids) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        for (long id : ids) {
            h = mix(h ^ mix(id + 0x632BE59BD9B4E019L));
        }
        return new Rng(h);
    }

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return random.nextDouble();
    }

    /** Uniform in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform in [lo, hi], both ends included. */
    int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    /** An index drawn with the given (non-negative, not all zero) weights. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("all weights are zero");
    }

    /** Standard normal by Box-Muller (written out so it does not depend on the JDK's choice). */
    double gaussian() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Log-normal with the given median and spread (sigma of the log). */
    double lognormal(double median, double sigma) {
        return median * Math.exp(sigma * gaussian());
    }

    /** Poisson: Knuth's method for small means, a rounded normal for large ones. */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 40) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * gaussian()));
        }
        double limit = Math.exp(-mean);
        double p = 1.0;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > limit);
        return k - 1;
    }

    /** Binomial(n, p): exact for n up to 20,000 (the largest comorbidity cell is ~2,000), normal beyond. */
    int binomial(int n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (n > 20_000) {
            double mean = n * p;
            double sd = Math.sqrt(n * p * (1 - p));
            return (int) Math.max(0, Math.min(n, Math.round(mean + sd * gaussian())));
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    /** Fisher-Yates shuffle in place. */
    void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    <T> void shuffle(List<T> a) {
        for (int i = a.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = a.get(i);
            a.set(i, a.get(j));
            a.set(j, t);
        }
    }
}
