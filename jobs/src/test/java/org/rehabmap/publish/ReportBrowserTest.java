package org.rehabmap.publish;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.config.Settings;
import org.rehabmap.testing.SharedSpark;
import org.rehabmap.testing.TestServices;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML report in a real browser: headless Chromium lays it out, the report's own check counts
 * the map's areas and the drawn charts, a screenshot is kept in target/ for a person to look at,
 * and printing it to PDF gives the four pages it promises.
 */
@ExtendWith(SharedSpark.class)
class ReportBrowserTest {
    static final LocalDate AS_OF = LocalDate.parse("2025-06-30");
    static Chromium chromium;
    static Path extracts;
    static Path target;

    @BeforeAll
    static void publish() throws Exception {
        chromium = new Chromium(TestServices.chromium());
        Path ws = SharedSpark.newWorkspace("browser");
        Settings s = SampleGold.settings(ws, "", "", "");
        PublishRuns.run(s, AS_OF);
        extracts = Path.of(s.location("paths.extracts"));
        target = SharedSpark.projectHome().resolve("jobs/target/report-check");
        Files.createDirectories(target);
    }

    static Path report(String slug) {
        return extracts.resolve(slug).resolve(AS_OF.toString()).resolve(HtmlReport.FILE);
    }

    /** Pages of a PDF Chromium printed: its page objects. */
    static int pages(Path pdf) throws java.io.IOException {
        String raw = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(raw);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static int count(String check, String key) {
        Matcher m = Pattern.compile(key + "=(\\d+)").matcher(check);
        assertTrue(m.find(), key + " in " + check);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void theMapHas33AreasAndTheChartsAreDrawn() throws Exception {
        for (String slug : new String[] {"south-east-london", "london"}) {
            String dom = chromium.run(report(slug), "--dump-dom");
            Matcher m = Pattern.compile("data-check=\"([^\"]*)\"").matcher(dom);
            assertTrue(m.find(), "the report's check ran in the browser");
            String check = m.group(1);
            assertEquals(33, count(check, "map-areas"), check);
            assertEquals(33, count(check, "map-drawn"), "every borough has a shape on screen: " + check);
            assertTrue(count(check, "bars-drawn") >= 6, check);
            assertTrue(count(check, "spine-markers") >= 3, check);
            assertTrue(count(check, "gap-bars") >= 4, check);
            assertFalse(
                    dom.contains("http://") && dom.matches("(?s).*(src|href)=\"https?://.*"),
                    "nothing fetched from the network");
        }
    }

    @Test
    void itTakesAScreenshot() throws Exception {
        Path shot = target.resolve("report-south-east-london.png");
        Files.deleteIfExists(shot);
        chromium.run(report("south-east-london"), "--screenshot=" + shot, "--window-size=900,4600");
        assertTrue(Files.size(shot) > 50_000, "a screenshot with something on it");
        Files.copy(
                report("south-east-london"),
                target.resolve("report-south-east-london.html"),
                StandardCopyOption.REPLACE_EXISTING);
        Path london = target.resolve("report-london.png");
        chromium.run(report("london"), "--screenshot=" + london, "--window-size=900,4600");
        Files.copy(report("london"), target.resolve("report-london.html"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void itPrintsOnFourPages() throws Exception {
        for (String slug : new String[] {"south-east-london", "north-central-and-north-east-london", "london"}) {
            Path pdf = target.resolve("report-" + slug + ".pdf");
            Files.deleteIfExists(pdf);
            chromium.run(report(slug), "--print-to-pdf=" + pdf, "--no-pdf-header-footer");
            assertEquals(4, pages(pdf), slug + " prints on four A4 pages");
        }
    }
}
