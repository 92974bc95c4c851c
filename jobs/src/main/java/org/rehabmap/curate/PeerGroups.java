package org.rehabmap.curate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rehabmap.contracts.GoldContract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Each borough's most similar London boroughs (gold.peer_groups), by the Model Health System
 * method as the project specifies it. For every variable, over the boroughs that may be peers:
 * <ol>
 *   <li>cap: values above mean + k × SD are set to mean + k × SD (k = cap-sd, default 5);</li>
 *   <li>square root of the capped value;</li>
 *   <li>z-score of the square roots: (x − mean) ÷ SD;</li>
 * </ol>
 * then the distance of two boroughs is √(Σᵥ wᵥ × (zᵥ(a) − zᵥ(b))²) and a borough's peers are the
 * {@code size} others nearest to it (ties: lower code first). SD is the sample standard deviation
 * (n − 1), as R's {@code sd()} and Excel's STDEV.S. A borough without a value of a variable gets
 * z = 0 for it (the mean); a variable with no spread contributes nothing. Boroughs in
 * {@code excluded} take no part in the means and SDs and are never a peer, but get peers of their own.
 */
public final class PeerGroups {
    public static final String IMD = "imd_average_score";
    public static final String PCT_65 = "pct_aged_65_plus";
    public static final String POPULATION = "population";
    public static final String LWC_PER_100K = "living_with_cancer_per_100k";
    /** The variables the project holds for every borough, in the order of their weights. */
    public static final List<String> VARIABLES = List.of(IMD, PCT_65, POPULATION, LWC_PER_100K);

    /** One peer of one borough. */
    public record Peer(
            String boroughCode, String boroughName, int rank, String peerCode, String peerName, double distance) {
        /** This peer as a row of gold.peer_groups, by column name. */
        public Row toRow(GoldContract peerGroups) {
            return peerGroups
                    .newRow()
                    .set("borough_code", boroughCode)
                    .set("borough_name", boroughName)
                    .set("rank", rank)
                    .set("peer_code", peerCode)
                    .set("peer_name", peerName)
                    .set("distance", distance)
                    .toRow();
        }
    }

    /** gold.peer_groups: every borough's peers, in the order given. */
    public static Dataset<Row> frame(SparkSession spark, GoldContract peerGroups, List<Peer> peers) {
        return spark.createDataFrame(
                peers.stream().map(p -> p.toRow(peerGroups)).toList(), peerGroups.sparkSchema());
    }

    private PeerGroups() {}

    /**
     * @param values   borough code → variable → raw value (null or absent: not known)
     * @param names    borough code → name
     * @param weights  variable → weight (≥ 0)
     * @param capSd    the cap, in standard deviations above the mean
     * @param size     peers per borough
     * @param excluded boroughs never offered as a peer
     * @return every borough's peers, by borough code then rank
     */
    public static List<Peer> nearest(
            Map<String, Map<String, Double>> values,
            Map<String, String> names,
            Map<String, Double> weights,
            double capSd,
            int size,
            Set<String> excluded) {
        List<String> boroughs = new ArrayList<>(new TreeMap<>(values).keySet());
        Map<String, Map<String, Double>> z = standardise(values, weights.keySet(), capSd, excluded);
        List<Peer> out = new ArrayList<>();
        for (String a : boroughs) {
            List<Map.Entry<String, Double>> d = new ArrayList<>();
            for (String b : boroughs) {
                if (b.equals(a) || excluded.contains(b)) {
                    continue;
                }
                d.add(Map.entry(b, distance(z.get(a), z.get(b), weights)));
            }
            d.sort(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
            for (int i = 0; i < Math.min(size, d.size()); i++) {
                String p = d.get(i).getKey();
                out.add(new Peer(
                        a,
                        names.getOrDefault(a, a),
                        i + 1,
                        p,
                        names.getOrDefault(p, p),
                        d.get(i).getValue()));
            }
        }
        return out;
    }

    /** Capped, square-rooted z-scores: borough → variable → z. */
    static Map<String, Map<String, Double>> standardise(
            Map<String, Map<String, Double>> values,
            java.util.Collection<String> variables,
            double capSd,
            Set<String> excluded) {
        Map<String, Map<String, Double>> z = new TreeMap<>();
        for (String b : values.keySet()) {
            z.put(b, new LinkedHashMap<>());
        }
        for (String v : variables) {
            List<Double> pool = new ArrayList<>();
            for (Map.Entry<String, Map<String, Double>> e : values.entrySet()) {
                Double x = e.getValue().get(v);
                if (x != null && !x.isNaN() && !excluded.contains(e.getKey())) {
                    pool.add(x);
                }
            }
            double cap = mean(pool) + capSd * sd(pool);
            List<Double> roots = new ArrayList<>();
            for (double x : pool) {
                roots.add(root(Math.min(x, cap), v));
            }
            double m = mean(roots);
            double s = sd(roots);
            for (Map.Entry<String, Map<String, Double>> e : values.entrySet()) {
                Double x = e.getValue().get(v);
                double zv = 0.0;
                if (x != null && !x.isNaN() && s > 0) {
                    zv = (root(Math.min(x, cap), v) - m) / s;
                }
                z.get(e.getKey()).put(v, zv);
            }
        }
        return z;
    }

    static double distance(Map<String, Double> za, Map<String, Double> zb, Map<String, Double> weights) {
        double sum = 0;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            double d = za.getOrDefault(w.getKey(), 0.0) - zb.getOrDefault(w.getKey(), 0.0);
            sum += w.getValue() * d * d;
        }
        return Math.sqrt(sum);
    }

    static double mean(List<Double> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.size();
    }

    /** Sample standard deviation (n − 1); 0 for fewer than two values. */
    static double sd(List<Double> xs) {
        if (xs.size() < 2) {
            return 0.0;
        }
        double m = mean(xs);
        double s = 0;
        for (double x : xs) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (xs.size() - 1));
    }

    private static double root(double x, String variable) {
        if (x < 0) {
            throw new IllegalArgumentException(
                    "peer variable " + variable + " is negative (" + x + "): the square root needs values >= 0");
        }
        return Math.sqrt(x);
    }

    /** borough → its peers' codes, nearest first. */
    public static Map<String, List<String>> byBorough(List<Peer> peers) {
        Map<String, List<String>> out = new TreeMap<>();
        peers.stream()
                .sorted(Comparator.comparing(Peer::boroughCode).thenComparingInt(Peer::rank))
                .forEach(p -> out.computeIfAbsent(p.boroughCode(), k -> new ArrayList<>())
                        .add(p.peerCode()));
        return out;
    }
}
