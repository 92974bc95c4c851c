package org.rehabmap.gold;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.testing.SharedSpark;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.rehabmap.gold.GoldFixtures.A;
import static org.rehabmap.gold.GoldFixtures.B;
import static org.rehabmap.gold.GoldFixtures.C;
import static org.rehabmap.gold.GoldFixtures.D;
import static org.rehabmap.gold.GoldFixtures.E;
import static org.rehabmap.gold.GoldFixtures.config;
import static org.rehabmap.gold.GoldFixtures.population;

/** Shares of a row serving several boroughs: by population, or equally. */
@ExtendWith(SharedSpark.class)
class ApportionmentTest {
    static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType)
            .add("boroughs", DataTypes.createArrayType(DataTypes.StringType))
            .add("wte", DataTypes.DoubleType);

    static Map<String, Double> shares(Apportionment.Method method) {
        var df = SharedSpark.session()
                .createDataFrame(
                        List.of(
                                RowFactory.create("r1", List.of(B, C), 2.0),
                                RowFactory.create("r2", List.of(A, D, A), 1.0), // a borough listed twice counts once
                                RowFactory.create("r3", List.of(E), 3.0)),
                        SCHEMA);
        Map<String, Double> out = new TreeMap<>();
        for (Row r : Apportionment.apportion(df, "boroughs", population(), method)
                .select(
                        col("id"),
                        col(Apportionment.LA_CODE),
                        Apportionment.shared(col("wte")).cast("double"))
                .collectAsList()) {
            out.put(r.getString(0) + " " + r.getString(1), r.getDouble(2));
        }
        return out;
    }

    @Test
    void byPopulation() {
        Map<String, Double> s = shares(Apportionment.Method.POPULATION);
        assertEquals(5, s.size());
        assertEquals(0.8, s.get("r1 " + B), 1e-12); // 2.0 × 20,000 / 50,000
        assertEquals(1.2, s.get("r1 " + C), 1e-12); // 2.0 × 30,000 / 50,000
        assertEquals(0.2, s.get("r2 " + A), 1e-12); // 1.0 × 10,000 / 50,000
        assertEquals(0.8, s.get("r2 " + D), 1e-12);
        assertEquals(3.0, s.get("r3 " + E), 1e-12);
    }

    @Test
    void equally() {
        Map<String, Double> s = shares(Apportionment.Method.EQUAL);
        assertEquals(1.0, s.get("r1 " + B), 1e-12);
        assertEquals(1.0, s.get("r1 " + C), 1e-12);
        assertEquals(0.5, s.get("r2 " + A), 1e-12);
        assertEquals(0.5, s.get("r2 " + D), 1e-12);
    }

    @Test
    void theMethodComesFromConfiguration() {
        assertEquals(
                Apportionment.Method.POPULATION,
                config(java.time.LocalDate.of(2025, 6, 30)).apportion());
        assertThrows(org.rehabmap.config.ConfigError.class, () -> Apportionment.Method.fromConfig("area"));
    }
}
