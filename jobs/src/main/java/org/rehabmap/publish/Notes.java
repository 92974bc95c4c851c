package org.rehabmap.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The words that go with the numbers in every pack: how the indicators are made, where the
 * reference data come from (data/reference/README.md), disclosure control, and the Open Government
 * Licence attribution the sources require. One text for the workbook's Notes sheet and the report.
 */
public final class Notes {
    public static final String OGL =
            "Contains public sector information licensed under the Open Government Licence v3.0 "
                    + "(https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/).";

    public record Section(String title, List<String> paragraphs) {}

    private Notes() {}

    /** @param mapAttributed true where the map carries the boundary attribution itself (the report) */
    public static List<Section> sections(ReportContext ctx, boolean mapAttributed) {
        List<Section> out = new ArrayList<>();
        out.add(new Section(
                "Methods",
                List.of(
                        "Indicators are defined in the project's methods (docs/methods.md). Areas are the 33 London boroughs, "
                                + "5 STP / ICS footprints, 3 cancer alliances and London; values above borough level are "
                                + "sums of borough values, never averages of ratios.",
                        "Confidence intervals: Wilson score for proportions; Byar's method for counts and rates of 10 or "
                                + "more, exact Poisson below, "
                                + "as PHEindicatormethods and Fingertips compute them. An area is called better or worse "
                                + "than London only when its 95% "
                                + "(or 99.8%) interval lies wholly on one side of London's value; otherwise it is "
                                + "similar. Indicators without an interval are not compared.",
                        "The unmet-need index compares each area with London (= 100) on unaddressed high distress, "
                                + "multimorbidity, deprivation (IMD 2019) and AHP scarcity, "
                                + "weighted as configured; a missing component is left out and the row's note says so.",
                        "Rank 1 is the best area of its level; quintile 1 the best fifth. Trend compares with the same "
                                + "area's previous period.")));
        out.add(new Section(
                "Disclosure control",
                List.of(
                        "Counts of " + ctx.disclosure().min() + " to "
                                + ctx.disclosure().max()
                                + " people are suppressed, shown as * in files and left empty "
                                + "with suppressed = true in the BI tables; 0 is shown. A rate or percentage whose "
                                + "numerator or denominator is suppressed is suppressed with it. "
                                + "Where a suppressed value could be worked out from a total and the other members of its "
                                + "group, the next smallest member is suppressed too. "
                                + "No row describing fewer than "
                                + (ctx.disclosure().max() + 1) + " people is published.",
                        "Text that a spreadsheet would run as a formula (beginning with =, +, -, @, a tab or a carriage "
                                + "return) starts with an apostrophe.")));
        out.add(new Section(
                "Sources",
                List.of(
                        "Borough, STP and cancer alliance lookup: ONS Open Geography, Clinical Commissioning Group to "
                                + "STPs to Cancer Alliances (July 2019) "
                                + "and LSOA (2011) to CCG to LAD (April 2019) lookups.",
                        "Population: ONS Census 2021 usual residents (rounded to 100).",
                        "Deprivation: MHCLG English Indices of Deprivation 2019, local authority summaries.",
                        mapAttributed
                                ? "Borough boundaries: GLA London Datastore, Statistical GIS Boundary Files for London "
                                        + "(simplified; attribution under the map)."
                                : "Borough boundaries: " + boundaryAttribution(ctx.referenceDir()),
                        "HNA concern catalogue: NCAT / Macmillan Concerns Checklist (secondary transcription); AHP "
                                + "professions: NHS England.",
                        "Service, workforce, Holistic Needs Assessment and comorbidity figures: returns made by London "
                                + "providers to the rehabmap programme.")));
        out.add(new Section(
                "Licence",
                List.of(
                        OGL,
                        "Contains National Statistics data © Crown copyright and database right; contains Ordnance Survey "
                                + "data © Crown copyright and database right.")));
        return out;
    }

    /** The attribution the boundary file carries (its top-level "attribution" member). */
    public static String boundaryAttribution(Path referenceDir) {
        try {
            String a = new ObjectMapper()
                    .readTree(referenceDir.resolve("london_boroughs.geojson").toFile())
                    .path("attribution")
                    .asText("");
            if (!a.isBlank()) {
                return a;
            }
        } catch (IOException ignored) {
            // the map itself reports a missing file; here the standard wording stands in
        }
        return "GLA London Datastore, Statistical GIS Boundary Files for London. " + OGL;
    }

    static void write(XSSFSheet sh, ReportContext ctx, CellStyle wrap, CellStyle heading) {
        int r = 0;
        for (Section s : sections(ctx, false)) {
            WorkbookWriter.cell(sh.createRow(r++), 0, s.title(), heading);
            for (String p : s.paragraphs()) {
                var row = sh.createRow(r++);
                WorkbookWriter.cell(row, 0, p, wrap);
                // wrapped text needs a row tall enough: about 110 characters a line at this width
                row.setHeightInPoints(15f * (1 + p.length() / 110));
            }
            r++;
        }
        sh.setColumnWidth(0, 120 * 256);
    }
}
