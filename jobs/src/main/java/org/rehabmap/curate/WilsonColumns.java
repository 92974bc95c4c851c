package org.rehabmap.curate;

import org.apache.spark.sql.Column;
import org.rehabmap.stats.ConfidenceLevel;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

/**
 * The Wilson score 95% limits of a percentage x ÷ n × 100 as Spark expressions, for gold tables
 * built as one Dataset (the same formula as {@link org.rehabmap.stats.ConfidenceIntervals#wilson},
 * with the same pinned ends: 0 at x = 0, 100 at x = n). Null where n is null or not above 0.
 */
final class WilsonColumns {
    private static final double Z = ConfidenceLevel.P95.z();
    private static final double Z2 = Z * Z;

    private WilsonColumns() {}

    static Column lower95(Column x, Column n) {
        return limit(x, n, false);
    }

    static Column upper95(Column x, Column n) {
        return limit(x, n, true);
    }

    private static Column limit(Column x, Column n, boolean upper) {
        Column xd = x.cast("double");
        Column nd = n.cast("double");
        Column spread = sqrt(lit(Z2).plus(lit(4.0).multiply(xd).multiply(lit(1.0).minus(xd.divide(nd)))))
                .multiply(Z);
        Column centre = lit(2.0).multiply(xd).plus(Z2);
        Column value = (upper ? centre.plus(spread) : centre.minus(spread))
                .divide(lit(2.0).multiply(nd.plus(Z2)))
                .multiply(100.0);
        Column pinned = upper ? when(x.equalTo(n), lit(100.0)) : when(x.equalTo(0), lit(0.0));
        return when(n.isNotNull().and(x.isNotNull()).and(n.gt(0)), pinned.otherwise(value));
    }
}
