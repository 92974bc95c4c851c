package org.rehabmap.ops;

import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.pipeline.RunContext;
import org.rehabmap.pipeline.Step;
import org.rehabmap.pipeline.StepResult;
import org.rehabmap.testing.OpsRuns;
import org.rehabmap.testing.SharedSpark;
import org.rehabmap.testing.TestRuns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(SharedSpark.class)
class RunReportTest {
    /** Writes a small gold.benchmarks whose London value of one indicator follows the as-of month. */
    static final class Benchmarks implements Step {
        @Override
        public String name() {
            return "curate";
        }

        @Override
        public StepResult run(RunContext ctx) {
            StructType s = new StructType()
                    .add("indicator_id", DataTypes.StringType)
                    .add("period", DataTypes.StringType)
                    .add("area_level", DataTypes.StringType)
                    .add("area_code", DataTypes.StringType)
                    .add("value", DataTypes.DoubleType)
                    .add("significance", DataTypes.StringType);
            double month = ctx.asOf().getMonthValue();
            var rows = new java.util.ArrayList<>(List.of(
                    RowFactory.create("ahp_vacancy_rate_pct", "2025-26", "london", "E12000007", month, "not_compared"),
                    RowFactory.create(
                            "ahp_vacancy_rate_pct",
                            "2025-26",
                            "stp",
                            "E54000027",
                            12.5,
                            month > 6 ? "worse" : "similar")));
            if (month > 6) {
                rows.add(RowFactory.create(
                        "multimorbidity_pct", "2025-26", "london", "E12000007", 40.0, "not_compared"));
            }
            String path = ctx.lake().path(IndicatorChanges.TABLE);
            ctx.spark()
                    .createDataFrame(rows, s)
                    .coalesce(1)
                    .write()
                    .format("delta")
                    .mode("overwrite")
                    .save(path);
            return new StepResult(
                    name(),
                    true,
                    rows.size(),
                    Map.of(IndicatorChanges.TABLE, ctx.lake().version(IndicatorChanges.TABLE)),
                    "benchmarks");
        }
    }

    @Test
    void theReportComparesIndicatorsWithThePreviousRunThatWroteThem() throws Exception {
        Path ws = SharedSpark.newWorkspace("report");
        String first = OpsRuns.run(ws, LocalDate.of(2025, 6, 30), new Benchmarks())
                .ctx()
                .runId();
        OpsRuns.run(ws, LocalDate.of(2025, 6, 30), new OpsRuns.Failing("ingest"));
        String third = OpsRuns.run(ws, LocalDate.of(2025, 7, 31), new Benchmarks())
                .ctx()
                .runId();
        var lake = TestRuns.lake(ws);

        String firstMd = RunReport.build(lake, first).markdown();
        assertTrue(firstMd.contains("nothing earlier to compare with"), firstMd);

        String dir = RunReport.write(lake, ws.resolve("reports").toString(), third);
        String md = Files.readString(Path.of(dir, "report.md"));
        assertTrue(md.contains("2 changed, 1 new, 0 removed"), md);
        assertTrue(md.contains("| ahp_vacancy_rate_pct | 2025-26 | london E12000007 | changed | 6 | 7 |"), md);
        assertTrue(md.contains("similar → worse"), md);
        assertTrue(md.contains("| multimorbidity_pct | 2025-26 | london E12000007 | new |  | 40 |"), md);
        String html = Files.readString(Path.of(dir, "report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<td class=\"changed\">changed</td>"), html);
    }

    @Test
    void htmlEscapesWhatItShows() {
        ReportDoc d = new ReportDoc("a <b> & c")
                .add("s", List.of("x < y"), ReportDoc.Table.of(new String[] {"h|1"}, List.<String[]>of(new String[] {
                    "<script>"
                })));
        assertFalse(d.html().contains("<script>"));
        assertTrue(d.html().contains("&lt;script&gt;"));
        assertTrue(d.markdown().contains("| h\\|1 |"));
    }
}
