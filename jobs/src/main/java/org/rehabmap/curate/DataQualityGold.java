package org.rehabmap.curate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.audit.FileLedger;
import org.rehabmap.audit.Quarantine;
import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.GoldContract;
import org.rehabmap.gold.GoldWriter;
import org.rehabmap.lake.Lake;
import org.rehabmap.pipeline.RunContext;
import org.rehabmap.supplier.DataQuality;
import org.rehabmap.supplier.Schedule;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * gold.data_quality in the curate step. It is about the deliveries, not the indicators, so it stands
 * apart from the other gold tables: made from what its contract declares (audit and silver tables, the
 * as-of date) and the schedule, rebuilt only when one of those changed, checked and written on its own.
 */
final class DataQualityGold {
    /** @param written whether the table was rewritten this run */
    record Result(boolean written, long rows, Map<String, Long> versions) {}

    private DataQualityGold() {}

    static Result refresh(RunContext ctx, Path contractsDir, GoldWriter writer) {
        Lake lake = ctx.lake();
        if (!lake.exists(FileLedger.TABLE)) {
            return new Result(false, 0, Map.of());
        }
        Contracts all = Contracts.load(contractsDir);
        GoldContract out = all.gold(DataQuality.TABLE);
        Schedule schedule = Schedule.from(ctx.settings(), all.sources());
        Map<String, String> tables = new LinkedHashMap<>();
        for (Schedule.Entry e : schedule.sources().values()) {
            String t = "silver." + all.source(e.source()).silverTable();
            if (!out.inputs().contains(t)) {
                throw new ConfigError("contract " + out.file().getFileName() + ": inputs must list " + t
                        + ", which rehabmap.suppliers.schedule." + e.source() + " reads");
            }
            tables.put(e.source(), t);
        }
        // asked before any table is read: an up-to-date table costs no Delta snapshot at all
        String inputs = inputs(ctx, out, schedule);
        if (writer.upToDate(DataQuality.TABLE, inputs)) {
            return new Result(false, 0, Map.of());
        }
        Map<String, Dataset<Row>> silver = new LinkedHashMap<>();
        tables.forEach((source, t) -> {
            if (lake.exists(t)) {
                silver.put(source, lake.read(t));
            }
        });
        Dataset<Row> rows = DataQuality.build(
                lake.read(FileLedger.TABLE),
                lake.exists(Quarantine.TABLE) ? lake.read(Quarantine.TABLE) : null,
                silver,
                all.sources(),
                schedule,
                ctx.asOf(),
                out);
        GoldWriter.Written w = writer.writeAll(
                List.of(new GoldWriter.GoldTable(DataQuality.TABLE, rows)), Map.of(DataQuality.TABLE, inputs));
        return new Result(true, w.rows().get(DataQuality.TABLE), w.versions());
    }

    /** What the table is made from, as its contract declares it, with the schedule and the contract itself. */
    static String inputs(RunContext ctx, GoldContract out, Schedule schedule) {
        StringBuilder sb = new StringBuilder("data quality");
        if (out.readsAsOf()) {
            sb.append("; as_of ").append(ctx.asOf());
        }
        for (String t : out.inputs()) {
            sb.append("; ").append(t).append(" v").append(ctx.lake().version(t));
        }
        sb.append("; schedule ").append(schedule.sources().values());
        try {
            sb.append("; contract ")
                    .append(Integer.toHexString(
                            Files.readString(out.file(), StandardCharsets.UTF_8).hashCode()));
        } catch (java.io.IOException e) {
            throw new ConfigError("cannot read " + out.file() + ": " + e.getMessage());
        }
        return sb.toString();
    }
}
