package org.rehabmap.curate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.gold.SecondarySuppression;
import org.rehabmap.testing.SharedSpark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Disclosure control on a tiny table: counts 1–7 withheld, rates with them, the next smallest sibling too. */
@ExtendWith(SharedSpark.class)
class DisclosureTest {
    static final StructType SCHEMA = new StructType()
            .add("area", DataTypes.StringType)
            .add("group", DataTypes.StringType)
            .add("kind", DataTypes.StringType)
            .add("people", DataTypes.LongType)
            .add("events", DataTypes.LongType)
            .add("rate", DataTypes.DoubleType);

    static Map<String, Row> run(Row... rows) {
        Dataset<Row> df = SharedSpark.session().createDataFrame(List.of(rows), SCHEMA);
        Dataset<Row> out = new Disclosure(1, 7)
                .apply(
                        df,
                        List.of("people", "events"),
                        Map.of("rate", List.of("events", "people")),
                        "people",
                        List.of(new SecondarySuppression.Siblings(
                                List.of("group"), col("kind").equalTo("part"))),
                        List.of("area"));
        Map<String, Row> m = new HashMap<>();
        for (Row r : out.collectAsList()) {
            m.put(r.getAs("area"), r);
        }
        return m;
    }

    @Test
    void smallCountsAreWithheldWithTheirRatesAndTheNextSmallestSibling() {
        // group g: total 60 events over parts a 3, b 20, c 9, d 28 → a is 1–7; b is not the smallest left, c (9) is
        Map<String, Row> m = run(
                RowFactory.create("total", "g", "total", 100L, 60L, 60.0),
                RowFactory.create("a", "g", "part", 10L, 3L, 30.0),
                RowFactory.create("b", "g", "part", 30L, 20L, 66.7),
                RowFactory.create("c", "g", "part", 20L, 9L, 45.0),
                RowFactory.create("d", "g", "part", 40L, 28L, 70.0));
        assertNull(m.get("a").getAs("events"));
        assertNull(m.get("a").getAs("rate"));
        assertEquals(10L, (long) m.get("a").getAs("people")); // people 10 is not small
        assertTrue(m.get("a").<Boolean>getAs("suppressed"));
        assertNull(m.get("c").getAs("events")); // secondary
        assertNull(m.get("c").getAs("rate"));
        assertTrue(m.get("c").<Boolean>getAs("suppressed"));
        assertEquals(20L, (long) m.get("b").getAs("events"));
        assertFalse(m.get("b").<Boolean>getAs("suppressed"));
        assertEquals(60L, (long) m.get("total").getAs("events")); // the total is not a sibling
    }

    @Test
    void aRowAboutFewerThanEightPeopleIsWithheldWholeAndZeroIsShown() {
        Map<String, Row> m = run(
                RowFactory.create("a", "g", "part", 5L, 40L, 8.0),
                RowFactory.create("b", "h", "part", 50L, 0L, 0.0),
                RowFactory.create("c", "h", "part", 50L, 12L, 24.0));
        assertNull(m.get("a").getAs("people"));
        assertNull(m.get("a").getAs("events")); // 40 events, but about 5 people
        assertNull(m.get("a").getAs("rate"));
        assertEquals(0L, (long) m.get("b").getAs("events"));
        assertFalse(m.get("b").<Boolean>getAs("suppressed"));
        assertFalse(m.get("c").<Boolean>getAs("suppressed")); // no sibling suppressed in h
    }
}
