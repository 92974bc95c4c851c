package org.rehabmap.publish;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.config.Settings;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.DisclosureSpec;
import org.rehabmap.contracts.GoldContract;
import org.rehabmap.gold.Geography;
import org.rehabmap.lake.Lake;
import org.rehabmap.pipeline.RunContext;
import org.rehabmap.pipeline.Step;
import org.rehabmap.pipeline.StepResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The publish step: every gold table that has an output contract, through disclosure control, to
 * the BI warehouse (when configured) and to the alliance packs and their index page. Generic over
 * the gold tables in the lake: a new gold table with a contract is published without a code change.
 */
public final class PublishJob implements Step {
    @Override
    public String name() {
        return "publish";
    }

    @Override
    public StepResult run(RunContext ctx) throws Exception {
        Settings s = ctx.settings();
        Lake lake = ctx.lake();
        List<String> gold =
                lake.tables().stream().filter(t -> t.startsWith("gold.")).toList();
        if (gold.isEmpty()) {
            return StepResult.skipped(name(), "no gold tables yet, nothing to publish");
        }

        Map<String, GoldContract> contracts =
                Contracts.load(Path.of(s.location("paths.contracts"))).gold();
        Catalogue catalogue = Catalogue.from(s);
        Geography geo = Geography.load(Path.of(s.location("paths.reference")).resolve("london_boroughs.csv"), s);
        Disclosure disclosure = new Disclosure(s.getInt("disclosure.min"), s.getInt("disclosure.max"));
        int maxRows = s.getInt("publish.max-rows-per-table");

        List<PublishedTable> published = new ArrayList<>();
        List<String> withheld = new ArrayList<>();
        for (String q : gold) {
            String table = q.substring("gold.".length());
            GoldContract contract = contracts.get(q);
            if (contract == null) {
                withheld.add(q + " (no output contract data-contracts/gold/" + table + ".odcs.yaml)");
                continue;
            }
            if (contract.disclosure() == null) {
                withheld.add(
                        q + " (its contract does not say which columns count people: customProperties disclosure)");
                continue;
            }
            published.add(read(lake, q, contract, catalogue, geo, disclosure, maxRows));
        }
        for (String w : withheld) {
            ctx.console().progress("  publish: not published: " + w);
        }

        List<String> done = new ArrayList<>();
        boolean changed = false;
        Warehouse warehouse = Warehouse.from(s);
        if (warehouse.configured()) {
            List<Integer> loaded = new WarehouseLoader(warehouse).load(published, ctx.runId());
            long rows = loaded.stream()
                    .filter(n -> n >= 0)
                    .mapToLong(Integer::longValue)
                    .sum();
            long tables = loaded.stream().filter(n -> n >= 0).count();
            changed |= tables > 0;
            done.add(tables + " table(s), " + rows + " rows to " + warehouse.where() + " schema " + warehouse.schema()
                    + (tables < loaded.size() ? " (" + (loaded.size() - tables) + " unchanged)" : ""));
        } else {
            ctx.console()
                    .progress(
                            "  publish: no warehouse configured (rehabmap.warehouse.url / REHABMAP_WAREHOUSE_URL), skipped "
                                    + "loading PostgreSQL");
        }

        Path extracts = Path.of(s.location("paths.extracts"));
        ReportContext report = ReportContext.from(s, geo, catalogue, disclosure);
        PackWriter writer = new PackWriter(report);
        int tidied = PackWriter.clearLeftovers(extracts);
        if (tidied > 0) {
            ctx.console().progress("  publish: tidied " + tidied + " half-written pack folder(s) left by a killed run");
        }
        long fileRows = 0;
        int packsWritten = 0;
        List<Pack> packs = Pack.all(geo);
        for (Pack pack : packs) {
            PackWriter.Written w = writer.write(
                    extracts, pack, published, ctx.runId(), ctx.asOf().toString());
            fileRows += w.rows();
            if (w.written()) {
                packsWritten++;
            }
            org.rehabmap.crash.CrashPoints.reached("publish:after-extract:" + pack.slug());
            ctx.console()
                    .progress("  publish: " + extracts.relativize(w.dir())
                            + (w.written() ? " (" + w.files() + " files)" : " unchanged"));
        }
        changed |= packsWritten > 0;
        int listed = IndexPage.write(extracts);
        done.add(packsWritten + " of " + packs.size() + " packs written in " + extracts + " (index lists " + listed
                + ")");
        if (!withheld.isEmpty()) {
            done.add(withheld.size() + " table(s) not published");
        }
        if (!changed) {
            return new StepResult(name(), false, 0, Map.of(), "nothing new to publish: " + String.join("; ", done));
        }
        return new StepResult(name(), true, fileRows, Map.of(), String.join("; ", done));
    }

    /** One gold table at its current version, with disclosure control applied, collected for the writers. */
    static PublishedTable read(
            Lake lake,
            String q,
            GoldContract contract,
            Catalogue catalogue,
            Geography geo,
            Disclosure disclosure,
            int maxRows) {
        long version = lake.version(q);
        // read at the version recorded in the manifests, even if curate commits meanwhile
        Dataset<Row> rows = lake.spark()
                .read()
                .format("delta")
                .option("versionAsOf", version)
                .load(lake.path(q));
        DisclosureSpec spec = contract.disclosure();
        List<String> tieBreak = new ArrayList<>(contract.key());
        if (tieBreak.isEmpty() && List.of(rows.columns()).contains("area_code")) {
            tieBreak.add("area_code");
        }
        Dataset<Row> controlled = disclosure.apply(
                rows,
                spec,
                catalogue.expand(
                        spec.appliesWhen(), "contract " + contract.file().getFileName()),
                geo.parentCodes(),
                tieBreak);
        return PublishedTable.collect(contract.name(), version, contract, controlled, maxRows);
    }
}
