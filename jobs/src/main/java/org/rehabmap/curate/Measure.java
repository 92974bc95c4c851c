package org.rehabmap.curate;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.Positions;

/**
 * The raw sums behind one benchmark row, before any statistics: what the Spark side hands to
 * {@link BenchmarkAssembler}. {@code excluded} counts input rows left out (and named in the note).
 */
public record Measure(
        String indicatorId,
        String period,
        String areaLevel,
        String areaCode,
        Double numerator,
        Double denominator,
        long excluded) {

    public static final StructType SCHEMA = new StructType()
            .add("indicator_id", DataTypes.StringType, false)
            .add(Positions.PERIOD, DataTypes.StringType, false)
            .add(Geography.AREA_LEVEL, DataTypes.StringType, false)
            .add(Geography.AREA_CODE, DataTypes.StringType, false)
            .add("numerator", DataTypes.DoubleType, true)
            .add("denominator", DataTypes.DoubleType, true)
            .add("excluded", DataTypes.LongType, false);

    public static Measure of(Row r) {
        return new Measure(
                r.getString(0),
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.isNullAt(4) ? null : r.getDouble(4),
                r.isNullAt(5) ? null : r.getDouble(5),
                r.getLong(6));
    }
}
