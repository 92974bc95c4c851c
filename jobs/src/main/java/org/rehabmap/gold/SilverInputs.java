package org.rehabmap.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.lake.Lake;
import org.rehabmap.lake.Parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The silver tables curate reads, with the columns it uses. A silver entity table that is not
 * there yet (nothing of that source delivered) reads as empty, and the run says so; the reference
 * tables must be there.
 */
public record SilverInputs(
        Dataset<Row> service,
        Dataset<Row> workforce,
        Dataset<Row> hnaConcern,
        Dataset<Row> comorbidity,
        Dataset<Row> borough,
        Dataset<Row> population,
        Dataset<Row> imd,
        Dataset<Row> profession,
        Dataset<Row> concern,
        Dataset<Row> ltcCondition,
        List<String> missing) {

    /** The silver tables read here, in the order of the record's components. */
    public static final List<String> TABLES = List.of(
            "silver.service",
            "silver.workforce",
            "silver.hna_concern",
            "silver.comorbidity",
            "silver.borough",
            "silver.population",
            "silver.imd",
            "silver.profession",
            "silver.concern",
            "silver.ltc_condition");

    private static final ArrayType STRINGS = DataTypes.createArrayType(DataTypes.StringType);

    public static final StructType SERVICE = schema(
            "provider_code",
            DataTypes.StringType,
            "service_id",
            DataTypes.StringType,
            "return_period",
            DataTypes.StringType,
            "provider_name",
            DataTypes.StringType,
            "provider_type",
            DataTypes.StringType,
            "service_name",
            DataTypes.StringType,
            "setting",
            DataTypes.StringType,
            "borough_codes",
            STRINGS,
            "tumour_groups",
            STRINGS,
            "pathway_stages",
            STRINGS,
            "rehab_level",
            DataTypes.IntegerType,
            "referral_routes",
            STRINGS,
            "funding_source",
            DataTypes.StringType,
            "funding_end_date",
            DataTypes.DateType,
            "referrals_received",
            DataTypes.IntegerType,
            "patients_seen",
            DataTypes.IntegerType,
            "median_wait_days",
            DataTypes.IntegerType);

    public static final StructType WORKFORCE = schema(
            "survey_date",
            DataTypes.DateType,
            "provider_code",
            DataTypes.StringType,
            "service_id",
            DataTypes.StringType,
            "borough_codes",
            STRINGS,
            "profession",
            DataTypes.StringType,
            "afc_band",
            DataTypes.StringType,
            "cancer_specialist",
            DataTypes.BooleanType,
            "wte_funded",
            DataTypes.DoubleType,
            "wte_in_post",
            DataTypes.DoubleType,
            "cancer_caseload_pct",
            DataTypes.DoubleType);

    public static final StructType HNA_CONCERN = schema(
            "assessment_id",
            DataTypes.StringType,
            "assessment_date",
            DataTypes.DateType,
            "financial_year",
            DataTypes.StringType,
            "provider_code",
            DataTypes.StringType,
            "residence_borough_code",
            DataTypes.StringType,
            "age_band",
            DataTypes.StringType,
            "sex",
            DataTypes.StringType,
            "tumour_group",
            DataTypes.StringType,
            "pathway_point",
            DataTypes.StringType,
            "concern_code",
            DataTypes.StringType,
            "concern_score",
            DataTypes.IntegerType,
            "action",
            DataTypes.StringType,
            "referred_to",
            DataTypes.StringType);

    public static final StructType COMORBIDITY = schema(
            "extract_date",
            DataTypes.DateType,
            "borough_code",
            DataTypes.StringType,
            "condition_code",
            DataTypes.StringType,
            "sex",
            DataTypes.StringType,
            "age_band",
            DataTypes.StringType,
            "cancer_register_count",
            DataTypes.IntegerType,
            "with_condition_count",
            DataTypes.IntegerType,
            "cancer_register_count_suppressed",
            DataTypes.BooleanType,
            "with_condition_count_suppressed",
            DataTypes.BooleanType);

    public static final StructType BOROUGH = schema(
            "la_code",
            DataTypes.StringType,
            "la_name",
            DataTypes.StringType,
            "stp19_code",
            DataTypes.StringType,
            "stp_footprint",
            DataTypes.StringType,
            "cancer_alliance19_code",
            DataTypes.StringType,
            "cancer_alliance19_name",
            DataTypes.StringType);
    public static final StructType POPULATION =
            schema("la_code", DataTypes.StringType, "census2021_usual_residents", DataTypes.LongType);
    /** silver.population as the peer groups and the workforce model read it: residents and the 65+ count. */
    public static final StructType CENSUS_POPULATION = schema(
            "la_code",
            DataTypes.StringType,
            "census2021_usual_residents",
            DataTypes.DoubleType,
            "census2021_age_65_plus",
            DataTypes.DoubleType);

    public static final StructType IMD =
            schema("la_code", DataTypes.StringType, "imd_average_score", DataTypes.DoubleType);
    public static final StructType PROFESSION = schema("code", DataTypes.StringType, "label", DataTypes.StringType);
    public static final StructType CONCERN =
            schema("code", DataTypes.StringType, "domain_code", DataTypes.StringType, "domain", DataTypes.StringType);
    public static final StructType LTC_CONDITION =
            schema("code", DataTypes.StringType, "description", DataTypes.StringType);

    /**
     * Opening a Delta table is a small Spark job (its snapshot) and so is planning a scan of it: one table after
     * another, the ten were the first ~15 s of a sample curate, most of it waiting. They are opened side by side.
     */
    static final int OPENING_THREADS = 4;

    public static SilverInputs read(Lake lake) {
        record Opened(Dataset<Row> rows, boolean missing) {}
        List<StructType> schemas = List.of(
                SERVICE,
                WORKFORCE,
                HNA_CONCERN,
                COMORBIDITY,
                BOROUGH,
                POPULATION,
                IMD,
                PROFESSION,
                CONCERN,
                LTC_CONDITION);
        List<Integer> index =
                java.util.stream.IntStream.range(0, TABLES.size()).boxed().toList();
        List<Opened> opened = Parallel.map("silver-open", OPENING_THREADS, index, i -> {
            String table = TABLES.get(i);
            boolean isEntity = i < 4; // service, workforce, HNA, comorbidity: the rest are reference tables
            if (isEntity && !lake.exists(table)) {
                return new Opened(empty(lake.spark(), schemas.get(i)), true);
            }
            return new Opened(
                    isEntity ? typed(lake.read(table), schemas.get(i), table) : reference(lake, table, schemas.get(i)),
                    false);
        });
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < TABLES.size(); i++) {
            if (opened.get(i).missing()) {
                missing.add(TABLES.get(i));
            }
        }
        List<Dataset<Row>> d = opened.stream().map(Opened::rows).toList();
        return new SilverInputs(
                d.get(0),
                d.get(1),
                d.get(2),
                d.get(3),
                d.get(4),
                d.get(5),
                d.get(6),
                d.get(7),
                d.get(8),
                d.get(9),
                List.copyOf(missing));
    }

    /** Whether there is anything to curate: at least one silver entity table. */
    public static boolean anySilver(Lake lake) {
        for (String t : List.of("silver.service", "silver.workforce", "silver.hna_concern", "silver.comorbidity")) {
            if (lake.exists(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same inputs with every table held in memory for the run (each is read by several builders). Marking a
     * frame for caching plans its scan, a Spark job of Delta's each: done side by side, as in {@link #read}.
     */
    public SilverInputs cached() {
        List<Dataset<Row>> d = Parallel.map("silver-cache", OPENING_THREADS, frames(), Dataset::cache);
        return new SilverInputs(
                d.get(0), d.get(1), d.get(2), d.get(3), d.get(4), d.get(5), d.get(6), d.get(7), d.get(8), d.get(9),
                missing);
    }

    /** Releases what {@link #cached} held. */
    public void unpersist() {
        frames().forEach(Dataset::unpersist);
    }

    /** The frames in the order of {@link #TABLES}. */
    private List<Dataset<Row>> frames() {
        return List.of(
                service,
                workforce,
                hnaConcern,
                comorbidity,
                borough,
                population,
                imd,
                profession,
                concern,
                ltcCondition);
    }

    private static Dataset<Row> reference(Lake lake, String table, StructType schema) {
        if (!lake.exists(table)) {
            throw new IllegalStateException(
                    table + " is missing: the conform job loads the reference tables; run conform first");
        }
        return typed(lake.read(table), schema, table);
    }

    /** The columns curate uses, cast to the types it expects; a missing column is a clear error. */
    public static Dataset<Row> typed(Dataset<Row> df, StructType schema, String table) {
        List<String> have = List.of(df.columns());
        List<Column> cols = new ArrayList<>();
        for (StructField f : schema.fields()) {
            if (!have.contains(f.name())) {
                throw new IllegalStateException(table + " has no column " + f.name() + " (columns: " + have + ")");
            }
            cols.add(col(f.name()).cast(f.dataType()).as(f.name()));
        }
        return df.select(cols.toArray(Column[]::new));
    }

    public static Dataset<Row> empty(SparkSession spark, StructType schema) {
        return spark.createDataFrame(new ArrayList<Row>(), schema);
    }

    /**
     * A silver table with the given columns, for readers that must not fail on an older silver: a column
     * the table lacks reads as null (unknown), and a table that is not there reads as empty when
     * {@code emptyWhenMissing}, else as null.
     */
    public static Dataset<Row> lenient(Lake lake, String table, StructType schema, boolean emptyWhenMissing) {
        if (!lake.exists(table)) {
            return emptyWhenMissing ? empty(lake.spark(), schema) : null;
        }
        Dataset<Row> df = lake.read(table);
        List<String> have = List.of(df.columns());
        List<Column> cols = new ArrayList<>();
        for (StructField f : schema.fields()) {
            // a column the table lacks reads as unknown (e.g. a silver table written before the
            // column existed): the reader then reports the figure as not known instead of failing the step
            Column c = have.contains(f.name()) ? col(f.name()) : lit(null);
            cols.add(c.cast(f.dataType()).as(f.name()));
        }
        return df.select(cols.toArray(Column[]::new));
    }

    /** la_code → a numeric column of a borough-keyed table (Census 2021 counts, IMD scores); nulls left out. */
    public static Map<String, Double> byLaCode(Dataset<Row> table, String column) {
        Map<String, Double> out = new TreeMap<>();
        for (Row r : table.select("la_code", column).collectAsList()) {
            if (!r.isNullAt(0) && !r.isNullAt(1)) {
                out.put(r.getString(0), r.getDouble(1));
            }
        }
        return out;
    }

    public static StructType schema(Object... nameType) {
        StructType s = new StructType();
        for (int i = 0; i < nameType.length; i += 2) {
            s = s.add((String) nameType[i], (DataType) nameType[i + 1], true);
        }
        return s;
    }
}
