package org.rehabmap.publish;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.config.Settings;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.DisclosureSpec;
import org.rehabmap.contracts.GoldContract;
import org.rehabmap.gold.Geography;
import org.rehabmap.lake.JobDescription;
import org.rehabmap.lake.Lake;
import org.rehabmap.lake.Parallel;
import org.rehabmap.pipeline.RunContext;
import org.rehabmap.pipeline.Step;
import org.rehabmap.pipeline.StepResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

/**
 * The publish step: every gold table that has an output contract, through disclosure control, to
 * the BI warehouse (when configured) and to the alliance packs and their index page. Generic over
 * the gold tables in the lake: a new gold table with a contract is published without a code change.
 *
 * <p>The gold tables are read side by side, then the packs are built side by side while the
 * warehouse loads on a thread of its own: every output reads the same rows held on the driver, and
 * each pack goes to its own folder, so the order they finish in changes nothing on disk.
 */
public final class PublishJob implements Step {
    @Override
    public String name() {
        return "publish";
    }

    /** What every table is published with, loaded once per run. */
    record Inputs(
            Map<String, GoldContract> contracts,
            Catalogue catalogue,
            Geography geography,
            Disclosure disclosure,
            int maxRows) {}

    /** The gold tables to publish (qualified name → contract), and the ones held back with the reason. */
    record Selection(Map<String, GoldContract> publish, List<String> withheld) {}

    /** What a sink did: its line for the summary, whether it changed anything, the rows it wrote. */
    record Outcome(String summary, boolean changed, long rows) {}

    @Override
    public StepResult run(RunContext ctx) throws Exception {
        List<String> gold = goldTables(ctx.lake());
        if (gold.isEmpty()) {
            return StepResult.skipped(name(), "no gold tables yet, nothing to publish");
        }
        Inputs in = inputs(ctx.settings());
        Selection chosen = select(gold, in.contracts());
        sayWithheld(ctx, chosen.withheld());

        Warehouse warehouse = Warehouse.from(ctx.settings());
        if (!warehouse.configured()) {
            ctx.console()
                    .progress(
                            "  publish: no warehouse configured (rehabmap.warehouse.url / REHABMAP_WAREHOUSE_URL), skipped "
                                    + "loading PostgreSQL");
        }
        Outcome loaded = null;
        Outcome packs;
        Timings took = new Timings();
        try (Parallel work = new Parallel("work", Parallel.cores());
                Parallel loader = new Parallel("warehouse", 1);
                Parallel supplier = new Parallel("feedback", 1)) {
            // the supplier feedback reads the lineage tables, not gold: it needs nothing the packs make, and
            // on its own after them it was the longest serial part of the step
            Future<SupplierFeedback.Written> feedback =
                    supplier.submit(() -> took.time("feedback", () -> writeFeedback(ctx)));
            List<PublishedTable> published = took.time("read", () -> readAll(work, ctx.lake(), chosen, in));
            Future<Outcome> loading = warehouse.configured()
                    ? loader.submit(
                            () -> took.time("warehouse", () -> load(warehouse, published, in.catalogue(), ctx.runId())))
                    : null;
            packs = took.time("packs", () -> writePacks(ctx, work, in, published));
            if (loading != null) {
                loaded = Parallel.join(loading);
            }
            sayFeedback(ctx, Parallel.join(feedback));
        }
        ctx.console().progress("  publish: took " + took);
        return result(loaded, packs, chosen.withheld());
    }

    private static List<String> goldTables(Lake lake) {
        return lake.tables().stream().filter(t -> t.startsWith("gold.")).toList();
    }

    static Inputs inputs(Settings s) {
        Geography geo = Geography.load(Path.of(s.location("paths.reference")).resolve("london_boroughs.csv"), s);
        return new Inputs(
                Contracts.load(Path.of(s.location("paths.contracts"))).gold(),
                Catalogue.from(s),
                geo,
                new Disclosure(s.getInt("disclosure.min"), s.getInt("disclosure.max")),
                s.getInt("publish.max-rows-per-table"));
    }

    /** Fail closed: a table is published only when its contract says which of its columns count people. */
    static Selection select(List<String> gold, Map<String, GoldContract> contracts) {
        Map<String, GoldContract> publish = new java.util.LinkedHashMap<>();
        List<String> withheld = new ArrayList<>();
        for (String q : gold) {
            GoldContract contract = contracts.get(q);
            if (contract == null) {
                withheld.add(q + " (no output contract data-contracts/gold/" + q.substring("gold.".length())
                        + ".odcs.yaml)");
            } else if (contract.disclosure() == null) {
                withheld.add(
                        q + " (its contract does not say which columns count people: customProperties disclosure)");
            } else {
                publish.put(q, contract);
            }
        }
        return new Selection(publish, withheld);
    }

    private static void sayWithheld(RunContext ctx, List<String> withheld) {
        for (String w : withheld) {
            ctx.console().progress("  publish: not published: " + w);
        }
    }

    /** Every chosen table, read side by side: each is a few small Spark jobs, mostly waiting on the driver. */
    private static List<PublishedTable> readAll(Parallel work, Lake lake, Selection chosen, Inputs in)
            throws Exception {
        List<Callable<PublishedTable>> reads = new ArrayList<>();
        chosen.publish()
                .forEach((q, contract) -> reads.add(() -> JobDescription.during(
                        lake.spark(),
                        "publish " + q,
                        () -> read(lake, q, contract, in.catalogue(), in.geography(), in.disclosure(), in.maxRows()))));
        return work.all(reads);
    }

    private static Outcome load(Warehouse warehouse, List<PublishedTable> published, Catalogue catalogue, String runId)
            throws Exception {
        List<Integer> loaded = new WarehouseLoader(warehouse).load(published, catalogue, runId);
        long rows = loaded.stream()
                .filter(n -> n >= 0)
                .mapToLong(Integer::longValue)
                .sum();
        long tables = loaded.stream().filter(n -> n >= 0).count();
        String summary = tables + " table(s), " + rows + " rows to " + warehouse.where() + " schema "
                + warehouse.schema()
                + (tables < loaded.size() ? " (" + (loaded.size() - tables) + " unchanged)" : "");
        return new Outcome(summary, tables > 0, rows);
    }

    private static Outcome writePacks(RunContext ctx, Parallel work, Inputs in, List<PublishedTable> published)
            throws Exception {
        Settings s = ctx.settings();
        Path extracts = Path.of(s.location("paths.extracts"));
        int tidied = PackWriter.clearLeftovers(extracts);
        if (tidied > 0) {
            ctx.console().progress("  publish: tidied " + tidied + " half-written pack folder(s) left by a killed run");
        }
        PackWriter writer =
                new PackWriter(ReportContext.from(s, in.geography(), in.catalogue(), in.disclosure()), ctx.startedAt());
        List<Pack> packs = Pack.all(in.geography());
        List<PackWriter.Written> written = writer.writeAll(
                work, extracts, packs, published, ctx.runId(), ctx.asOf().toString());
        long rows = 0;
        int changed = 0;
        for (PackWriter.Written w : written) {
            rows += w.rows();
            changed += w.written() ? 1 : 0;
            ctx.console()
                    .progress("  publish: " + extracts.relativize(w.dir())
                            + (w.written() ? " (" + w.files() + " files)" : " unchanged"));
        }
        int listed = IndexPage.write(extracts);
        return new Outcome(
                changed + " of " + packs.size() + " packs written in " + extracts + " (index lists " + listed + ")",
                changed > 0,
                rows);
    }

    /** Feedback to each supplier on their own rows, and what no supplier can be given (docs/suppliers.md). */
    private static SupplierFeedback.Written writeFeedback(RunContext ctx) throws Exception {
        Settings s = ctx.settings();
        return SupplierFeedback.write(
                ctx.lake(),
                Path.of(s.location("paths.extracts")),
                Contracts.load(Path.of(s.location("paths.contracts"))).sources(),
                ctx.asOf(),
                ctx.runId());
    }

    private static void sayFeedback(RunContext ctx, SupplierFeedback.Written feedback) {
        if (feedback.providers() > 0) {
            Path extracts = Path.of(ctx.settings().location("paths.extracts"));
            ctx.console()
                    .progress("  publish: feedback for " + feedback.providers() + " supplier(s) in "
                            + extracts.relativize(extracts.resolve(SupplierFeedback.DIR)));
        }
    }

    private StepResult result(Outcome warehouse, Outcome packs, List<String> withheld) {
        List<String> done = new ArrayList<>();
        if (warehouse != null) {
            done.add(warehouse.summary());
        }
        done.add(packs.summary());
        if (!withheld.isEmpty()) {
            done.add(withheld.size() + " table(s) not published");
        }
        boolean changed = packs.changed() || (warehouse != null && warehouse.changed());
        if (!changed) {
            return new StepResult(name(), false, 0, Map.of(), "nothing new to publish: " + String.join("; ", done));
        }
        return new StepResult(name(), true, packs.rows(), Map.of(), String.join("; ", done));
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

    /** Wall time of each part of the step, for its progress line (parts may overlap: the warehouse runs beside the packs). */
    static final class Timings {
        private final Map<String, Long> millis = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());

        <T> T time(String part, Callable<T> work) throws Exception {
            long start = System.nanoTime();
            try {
                return work.call();
            } finally {
                millis.put(part, (System.nanoTime() - start) / 1_000_000);
            }
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            synchronized (millis) {
                millis.forEach((k, v) -> parts.add(k + " " + String.format(Locale.ROOT, "%.1f s", v / 1000.0)));
            }
            return String.join(", ", parts);
        }
    }
}
