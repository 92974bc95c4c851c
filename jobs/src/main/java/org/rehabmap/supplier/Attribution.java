package org.rehabmap.supplier;

import org.apache.spark.sql.Column;

import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

/**
 * Which provider a delivered row belongs to: the ODS code in its provider_code, upper-cased and trimmed
 * as conform reads it. A value that is not an ODS code ({@code ^[A-Z0-9]{3,6}$}) names no provider: such a
 * row is not put to anyone (the code also names a folder of extracts/suppliers, so nothing else may).
 */
public final class Attribution {
    public static final String PROVIDER_CODE = "provider_code";
    public static final String ODS = "^[A-Z0-9]{3,6}$";

    private Attribution() {}

    /** The provider code of a row from its delivered text, or null when it names no provider. */
    public static Column provider(Column raw) {
        Column v = upper(trim(raw));
        return when(v.rlike(ODS), v);
    }

    public static boolean isProvider(String code) {
        return code != null && code.matches(ODS);
    }
}
