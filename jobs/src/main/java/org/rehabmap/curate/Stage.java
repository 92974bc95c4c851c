package org.rehabmap.curate;

import org.apache.spark.sql.Column;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The columns one projection adds or replaces, for {@code Dataset.withColumns}. Each {@code withColumn}
 * has Catalyst analyse the whole plan again (on curate's widest plans, seconds of driver time before the
 * first job); a stage is analysed once. An expression that reads a column made in the same stage would see
 * the old value, so such a column goes in the next stage.
 */
final class Stage {
    private Stage() {}

    /** name, column, name, column, … in the order given: new columns are appended in this order. */
    static Map<String, Column> of(Object... nameColumn) {
        if (nameColumn.length % 2 != 0) {
            throw new IllegalArgumentException("Stage.of takes name, column pairs; got an odd count");
        }
        Map<String, Column> m = new LinkedHashMap<>();
        for (int i = 0; i < nameColumn.length; i += 2) {
            m.put((String) nameColumn[i], (Column) nameColumn[i + 1]);
        }
        return m;
    }
}
