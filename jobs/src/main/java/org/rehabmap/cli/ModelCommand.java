package org.rehabmap.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.SparkSession;
import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.SilverInputs;
import org.rehabmap.lake.Lake;
import org.rehabmap.lake.SparkSessions;
import org.rehabmap.model.AssumptionSet;
import org.rehabmap.model.Assumptions;
import org.rehabmap.model.ModelConfig;
import org.rehabmap.model.ModelInputs;
import org.rehabmap.model.ModelRow;
import org.rehabmap.model.ModelRun;
import org.rehabmap.model.ModelSilver;
import org.rehabmap.model.WorkforceModel;
import org.rehabmap.text.Cells;
import org.rehabmap.text.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What-if: the workforce model of one configured scenario with assumptions changed on the command
 * line, computed from the lake's silver tables and printed beside the scenario as configured.
 * Reads only; writes no table (the nightly gold tables stay as the model step left them).
 */
@Command(
        name = "model",
        description = {
            "What-if: print the workforce model (required and available WTE, gap) for a scenario with changed assumptions.",
            "Reads silver, writes nothing. Assumption keys: the set file's (conf/workforce-model/assumptions-v1.conf), e.g.",
            "contacts-per-episode, minutes-per-contact, hours-per-wte-year, clinical-time-pct, productivity-change-pct, growth,",
            "prevalence-growth-pct, vacancy-fill-pct, workforce-growth-pct, pay-point, hcas-pct; per profession: "
                    + "contacts-per-episode.dietitian=3."
        })
public final class ModelCommand implements Callable<Integer> {
    @Option(
            names = "--scenario",
            defaultValue = ModelConfig.BASELINE,
            description = "a configured scenario (default baseline)")
    String scenario;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "change an assumption for this run (repeatable)")
    List<String> sets = new ArrayList<>();

    @Option(
            names = "--area",
            paramLabel = "CODE",
            description = "area code(s) to print (repeatable), e.g. E54000027 or E09000001")
    List<String> areas = new ArrayList<>();

    @Option(
            names = "--level",
            description =
                    "borough | stp | alliance | london: print every area of the level (default stp when no --area)")
    String level;

    @Option(names = "--year", description = "one year only (default every modelled year)")
    Integer year;

    @Option(names = "--profession", description = "one profession only, or all (default every profession and all)")
    String profession;

    @Option(names = "--format", defaultValue = "table", description = "table | csv (default table)")
    String format;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("csv") && !format.equals("table")) {
            throw new ConfigError("--format must be csv or table, got '" + format + "'");
        }
        if (level != null && !Geography.LEVELS.contains(level)) {
            throw new ConfigError(
                    "--level must be one of " + String.join(", ", Geography.LEVELS) + ", got '" + level + "'");
        }
        if (level != null && !areas.isEmpty()) {
            throw new ConfigError("give --area or --level, not both");
        }
        if (areas.isEmpty() && level == null) {
            level = Geography.STP;
        }

        // everything a user can get wrong is checked before Spark starts
        Settings s = common.settings();
        ModelConfig config = ModelConfig.from(s);
        ModelConfig.Scenario sc = config.scenario(scenario);
        Map<Path, AssumptionSet> assumptionSets = config.loadSets();
        LocalDate asOf = LocalDate.now(java.time.ZoneOffset.UTC);
        CurateConfig cfg = CurateConfig.from(s, asOf);
        List<String> professions =
                new ArrayList<>(new java.util.TreeSet<>(cfg.concernProfessions().keySet()));
        if (profession != null && !profession.equals(ModelRow.ALL) && !professions.contains(profession)) {
            throw new ConfigError("unknown profession '" + profession + "' (modelled: " + String.join(", ", professions)
                    + ", or all)");
        }
        Assumptions configured = ModelConfig.assumptions(sc, assumptionSets, professions);
        Assumptions whatIf = configured;
        Map<String, String> changes = new LinkedHashMap<>();
        for (String kv : sets) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new ConfigError("--set needs KEY=VALUE, got '" + kv + "'");
            }
            whatIf = whatIf.with(kv.substring(0, eq), kv.substring(eq + 1), professions);
            changes.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }

        SparkSession spark = SparkSessions.create(s, common.sparkUi);
        Lake lake = new Lake(spark, s.location("paths.lake"));
        if (!SilverInputs.anySilver(lake)) {
            throw new ConfigError(
                    "no silver tables in " + lake.root() + ": run the pipeline first (scripts/rehabmap run all)");
        }
        SilverInputs in = SilverInputs.read(lake);
        Geography geo = Geography.from(in.borough(), in.population(), cfg.londonCode(), cfg.londonName());
        for (String a : areas) {
            if (geo.areas().stream().noneMatch(x -> x.code().equals(a))) {
                throw new ConfigError("unknown area code '" + a + "' (a borough E09…, STP E54…, alliance E56… or "
                        + cfg.londonCode() + ")");
            }
        }
        ModelInputs inputs = new ModelRun(config, assumptionSets, ModelSilver.read(lake), asOf).inputs(in, geo, cfg);
        WorkforceModel model = new WorkforceModel(inputs, config.minAssessedPeople(), config.endYear());
        if (year != null && !model.years().contains(year)) {
            throw new ConfigError(
                    "--year " + year + " is not modelled (" + model.years().get(0) + "–"
                            + model.years().get(model.years().size() - 1) + ")");
        }

        List<ModelRow> before = select(model.rows(sc.name(), configured, year));
        List<ModelRow> after = select(model.rows(sc.name(), whatIf, year));
        boolean compare = !changes.isEmpty();
        if (!common.quiet) {
            System.err.println("workforce model, scenario " + sc.name() + " (" + sc.description() + "), assumptions "
                    + configured.setName()
                    + (compare
                            ? " + "
                                    + String.join(
                                            ", ",
                                            changes.entrySet().stream()
                                                    .map(e -> e.getKey() + "=" + e.getValue())
                                                    .toList())
                                    + " (what-if; gap_wte_configured is the scenario as configured)"
                            : "")
                    + "; lake " + lake.root() + "; nothing is written");
        }
        print(before, after, compare);
        return Main.OK;
    }

    private List<ModelRow> select(List<ModelRow> rows) {
        List<ModelRow> out = new ArrayList<>();
        for (ModelRow r : rows) {
            if (!areas.isEmpty()
                    ? !areas.contains(r.areaCode())
                    : !r.areaLevel().equals(level)) {
                continue;
            }
            if (profession != null && !profession.equals(r.profession())) {
                continue;
            }
            out.add(r);
        }
        return out;
    }

    private void print(List<ModelRow> before, List<ModelRow> after, boolean compare) throws IOException {
        List<String> cols = new ArrayList<>(List.of(
                "area_code",
                "area_name",
                "profession",
                "year",
                "need_episodes",
                "required_wte",
                "available_wte",
                "gap_wte",
                "gap_pct_of_required",
                "shortfall_wte",
                "surplus_wte",
                "shortfall_cost_gbp"));
        if (compare) {
            cols.addAll(List.of("gap_wte_configured", "gap_change_wte"));
        }
        cols.add("note");
        boolean csv = format.equals("csv");
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            ModelRow r = after.get(i);
            ModelRow b = before.get(i);
            List<String> v = new ArrayList<>(List.of(
                    r.areaCode(),
                    r.areaName(),
                    r.profession(),
                    Integer.toString(r.year()),
                    num(r.needEpisodes(), csv, 1),
                    num(r.requiredWte(), csv, 2),
                    num(r.availableWte(), csv, 2),
                    num(r.gapWte(), csv, 2),
                    num(r.gapPctOfRequired(), csv, 1),
                    num(r.shortfallWte(), csv, 2),
                    num(r.surplusWte(), csv, 2),
                    num(r.shortfallCostGbp(), csv, 0)));
            if (compare) {
                v.add(num(b.gapWte(), csv, 2));
                v.add(num(r.gapWte() == null || b.gapWte() == null ? null : r.gapWte() - b.gapWte(), csv, 2));
            }
            v.add(r.note() == null ? "" : r.note());
            rows.add(v.toArray(String[]::new));
        }
        if (csv) {
            CSVPrinter p = new CSVPrinter(
                    System.out,
                    CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
            p.printRecord(cols);
            for (String[] r : rows) {
                p.printRecord((Object[]) r);
            }
            p.flush();
        } else {
            System.out.print(TextTable.renderStrings(cols.toArray(String[]::new), rows));
            System.out.println("(" + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + ")");
        }
    }

    /** Full precision in CSV; rounded for reading in a table. */
    private static String num(Double d, boolean csv, int places) {
        if (d == null) {
            return "";
        }
        if (csv) {
            return Cells.text(d);
        }
        return String.format(Locale.ROOT, "%,." + places + "f", d);
    }
}
