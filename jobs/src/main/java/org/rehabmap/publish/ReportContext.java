package org.rehabmap.publish;

import org.rehabmap.config.Settings;
import org.rehabmap.gold.Geography;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What every pack's workbook and report share in one run: geography, the indicator catalogue,
 * the report's settings (rehabmap.publish), disclosure thresholds and where the reference files are.
 *
 * @param families workbook sheet name → catalogue kinds of the benchmarks it holds
 */
public record ReportContext(
        Geography geography,
        Catalogue catalogue,
        Disclosure disclosure,
        Path referenceDir,
        List<String> headline,
        String mapIndicator,
        List<String> barCharts,
        Map<String, List<String>> families) {

    public static ReportContext from(Settings s, Geography geography, Catalogue catalogue, Disclosure disclosure) {
        Map<String, List<String>> families = new java.util.LinkedHashMap<>();
        for (com.typesafe.config.Config f : s.raw().getConfigList("publish.families")) {
            families.put(f.getString("name"), List.copyOf(f.getStringList("kinds")));
        }
        return new ReportContext(
                geography,
                catalogue,
                disclosure,
                Path.of(s.location("paths.reference")),
                s.raw().getStringList("publish.headline-indicators"),
                s.getString("publish.map-indicator"),
                s.raw().getStringList("publish.bar-chart-indicators"),
                families);
    }
}
