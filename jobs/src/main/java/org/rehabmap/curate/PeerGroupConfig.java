package org.rehabmap.curate;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * rehabmap.peer-groups (conf/workforce-model.conf): how many peers each borough gets, the cap, the
 * weight of each variable and the boroughs never offered as a peer. Read once per run; every problem
 * is a {@link ConfigError} naming the key.
 *
 * @param weights variable → weight, in {@link PeerGroups#VARIABLES} order
 */
public record PeerGroupConfig(int size, double capSd, Map<String, Double> weights, List<String> excluded) {

    public static PeerGroupConfig from(Settings s) {
        try {
            Config p = s.section("peer-groups");
            int size = p.getInt("size");
            if (size < 1) {
                throw new ConfigError("configuration error: rehabmap.peer-groups.size must be >= 1");
            }
            double capSd = p.getDouble("cap-sd");
            if (!(capSd > 0)) {
                throw new ConfigError("configuration error: rehabmap.peer-groups.cap-sd must be > 0");
            }
            Config w = p.getConfig("weights");
            for (String k : w.root().keySet()) {
                if (!PeerGroups.VARIABLES.contains(k)) {
                    throw new ConfigError("configuration error: rehabmap.peer-groups.weights." + k
                            + " is not a peer variable (" + String.join(", ", PeerGroups.VARIABLES) + ")");
                }
            }
            Map<String, Double> weights = new LinkedHashMap<>();
            double total = 0;
            for (String v : PeerGroups.VARIABLES) {
                double x = w.hasPath(v) ? w.getDouble(v) : 0.0;
                if (!(x >= 0)) {
                    throw new ConfigError("configuration error: rehabmap.peer-groups.weights." + v + " must be >= 0");
                }
                weights.put(v, x);
                total += x;
            }
            if (!(total > 0)) {
                throw new ConfigError(
                        "configuration error: rehabmap.peer-groups.weights: at least one weight must be > 0");
            }
            List<String> excluded = List.copyOf(p.getStringList("excluded-boroughs"));

            return new PeerGroupConfig(size, capSd, weights, excluded);
        } catch (ConfigException e) {
            throw new ConfigError("configuration error: " + e.getMessage().replaceAll("\\s*\\R\\s*", " "), e);
        }
    }
}
