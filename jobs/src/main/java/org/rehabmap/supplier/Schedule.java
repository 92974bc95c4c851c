package org.rehabmap.supplier;

import com.typesafe.config.Config;
import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;
import org.rehabmap.contracts.Contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * rehabmap.suppliers.schedule: for each source that providers return, the column a row's period is read
 * from, how often a return is due and how many days after its period ends. A source without
 * {@code due-days} is grouped by period but never judged late or missing.
 */
public record Schedule(Map<String, Entry> sources) {
    public static final String KEY = "suppliers.schedule";

    /** @param dueDays days after the period's end by which the return is due; null: not judged */
    public record Entry(String source, String periodColumn, Frequency frequency, Integer dueDays) {
        public boolean judged() {
            return dueDays != null;
        }
    }

    public static Schedule from(Settings s, Map<String, Contract> contracts) {
        if (!s.has(KEY)) {
            return new Schedule(Map.of());
        }
        return from(s.section(KEY), contracts);
    }

    static Schedule from(Config c, Map<String, Contract> contracts) {
        Map<String, Entry> out = new LinkedHashMap<>();
        try {
            for (String source : c.root().keySet()) {
                String where = "rehabmap." + KEY + "." + source;
                Contract contract = contracts.get(source);
                if (contract == null) {
                    throw new ConfigError("configuration error: " + where + " names no source with a contract");
                }
                if (contract.column(Attribution.PROVIDER_CODE).isEmpty()) {
                    throw new ConfigError("configuration error: " + where + ": source " + source
                            + " has no provider_code, so its rows cannot be put to a provider");
                }
                Config e = c.getConfig(source);
                String col = e.getString("period-column");
                if (contract.column(col).isEmpty()) {
                    throw new ConfigError(
                            "configuration error: " + where + ".period-column names unknown column " + col);
                }
                Integer due = e.hasPath("due-days") ? e.getInt("due-days") : null;
                if (due != null && due < 0) {
                    throw new ConfigError("configuration error: " + where + ".due-days must be 0 or more, got " + due);
                }
                out.put(
                        source,
                        new Entry(source, col, Frequency.parse(e.getString("frequency"), where + ".frequency"), due));
            }
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigError("configuration error: " + e.getMessage().replaceAll("\\s*\\R\\s*", " "), e);
        }
        return new Schedule(Collections.unmodifiableMap(out));
    }
}
