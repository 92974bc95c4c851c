package org.rehabmap.gold;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;

/**
 * The four area levels of METHODS.md and how boroughs roll up into them: London's one geography, from
 * silver for curate and the workforce model, from the borough lookup for publish. A roll-up joins rows
 * keyed by borough to {@link #areaMap} (one row per borough and level) and sums, so an STP's
 * value is always the sum of its boroughs' and never an average of their ratios. HNA rows whose
 * residence is {@code unknown} map to London only.
 */
public final class Geography {
    public static final String BOROUGH = "borough";
    public static final String STP = "stp";
    public static final String ALLIANCE = "alliance";
    public static final String LONDON = "london";
    public static final String UNKNOWN = "unknown";
    /** Order of the levels in every gold table: London first, boroughs last. */
    public static final List<String> LEVELS = List.of(LONDON, ALLIANCE, STP, BOROUGH);

    public static final String AREA_LEVEL = "area_level";
    public static final String AREA_CODE = "area_code";
    public static final String AREA_NAME = "area_name";
    public static final String LEVEL_ORDER = "_level_order";
    public static final String PARENT_CODE = "_parent_code";

    /**
     * One area; {@code parentCode} is the area of the next level up that it adds into (a borough's
     * STP, an STP's alliance, an alliance's London), null for London. Siblings share a parent.
     */
    public record Area(String level, String code, String name, String parentCode) {}

    private final List<Area> areas;
    private final Map<String, Area> byCode;
    private final Map<String, String[]> boroughs; // la_code → [la_name, stp, stp name, alliance, alliance name]
    private final Map<String, Long> population;
    private final String londonCode;
    private final String londonName;

    /**
     * @param boroughRef    silver.borough (la_code, la_name, stp19_code, stp_footprint, cancer_alliance19_code, cancer_alliance19_name)
     * @param populationRef silver.population (la_code, census2021_usual_residents)
     */
    public static Geography from(
            Dataset<Row> boroughRef, Dataset<Row> populationRef, String londonCode, String londonName) {
        Map<String, String[]> boroughs = new TreeMap<>();
        for (Row r : boroughRef
                .select(
                        "la_code",
                        "la_name",
                        "stp19_code",
                        "stp_footprint",
                        "cancer_alliance19_code",
                        "cancer_alliance19_name")
                .collectAsList()) {
            boroughs.put(
                    r.getString(0),
                    new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)});
        }
        Map<String, Long> population = new TreeMap<>();
        for (Row r : populationRef
                .select(col("la_code"), col("census2021_usual_residents").cast("long"))
                .collectAsList()) {
            if (!r.isNullAt(1)) {
                population.put(r.getString(0), r.getLong(1));
            }
        }
        if (boroughs.isEmpty()) {
            throw new IllegalStateException(
                    "silver.borough is empty: the curate job needs the borough reference table");
        }
        for (String b : boroughs.keySet()) {
            if (!population.containsKey(b)) {
                throw new IllegalStateException("silver.population has no census2021_usual_residents for borough " + b);
            }
        }
        return new Geography(boroughs, population, londonCode, londonName);
    }

    /**
     * The geography of the borough lookup (reference/london_boroughs.csv: la_code, la_name, stp19_code,
     * stp_footprint, cancer_alliance19_code, cancer_alliance19_name), without population: what publish
     * needs to cut packs and draw areas. London's code and name as curate reads them
     * (rehabmap.geography.london-code and london-name).
     */
    public static Geography load(Path boroughsCsv, Settings settings) {
        return load(
                boroughsCsv, settings.getString("geography.london-code"), settings.getString("geography.london-name"));
    }

    /** The geography of the borough lookup, with London's code and name as given. */
    public static Geography load(Path boroughsCsv, String londonCode, String londonName) {
        Map<String, String[]> boroughs = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(boroughsCsv, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(r)) {
            for (CSVRecord rec : p) {
                boroughs.put(rec.get("la_code"), new String[] {
                    rec.get("la_name"),
                    rec.get("stp19_code"),
                    rec.get("stp_footprint"),
                    rec.get("cancer_alliance19_code"),
                    rec.get("cancer_alliance19_name")
                });
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigError("cannot read the borough lookup " + boroughsCsv + ": " + e.getMessage());
        }
        if (boroughs.isEmpty()) {
            throw new ConfigError("the borough lookup " + boroughsCsv + " has no boroughs");
        }
        return new Geography(boroughs, Map.of(), londonCode, londonName);
    }

    /**
     * @param boroughs   la_code → {la_name, stp code, stp name, alliance code, alliance name}
     * @param population la_code → usual residents
     */
    public Geography(
            Map<String, String[]> boroughs, Map<String, Long> population, String londonCode, String londonName) {
        this.londonCode = londonCode;
        this.londonName = londonName;
        this.boroughs = new TreeMap<>(boroughs);
        this.population = new TreeMap<>(population);
        Map<String, Area> all = new TreeMap<>();
        all.put(LONDON + "|" + londonCode, new Area(LONDON, londonCode, londonName, null));
        for (Map.Entry<String, String[]> e : this.boroughs.entrySet()) {
            String[] v = e.getValue();
            all.put(BOROUGH + "|" + e.getKey(), new Area(BOROUGH, e.getKey(), v[0], v[1]));
            all.put(STP + "|" + v[1], new Area(STP, v[1], v[2], v[3]));
            all.put(ALLIANCE + "|" + v[3], new Area(ALLIANCE, v[3], v[4], londonCode));
        }
        List<Area> list = new ArrayList<>(all.values());
        list.sort(AREA_ORDER);
        this.areas = List.copyOf(list);
        this.byCode = new LinkedHashMap<>();
        for (Area a : byFirstBorough(all.values())) {
            byCode.put(a.code(), a);
        }
    }

    /**
     * London, then the alliances, STPs and boroughs, each level in the order of its first borough by
     * code: the order of the borough lookup, which lists boroughs by code. Packs and the report's
     * tables follow it.
     */
    private List<Area> byFirstBorough(java.util.Collection<Area> all) {
        Map<String, Area> found = new LinkedHashMap<>();
        for (Area a : all) {
            found.put(a.level() + "|" + a.code(), a);
        }
        List<Area> out = new ArrayList<>();
        out.add(found.get(LONDON + "|" + londonCode));
        for (String level : List.of(ALLIANCE, STP)) {
            Set<String> seen = new LinkedHashSet<>();
            for (String[] v : boroughs.values()) {
                seen.add(level.equals(ALLIANCE) ? v[3] : v[1]);
            }
            for (String code : seen) {
                out.add(found.get(level + "|" + code));
            }
        }
        for (String b : boroughs.keySet()) {
            out.add(found.get(BOROUGH + "|" + b));
        }
        return out;
    }

    public static final Comparator<Area> AREA_ORDER =
            Comparator.comparingInt((Area a) -> LEVELS.indexOf(a.level())).thenComparing(Area::code);

    /** All areas, London first, then alliances, STPs and boroughs by code. */
    public List<Area> areas() {
        return areas;
    }

    /** The area of that code, or null. */
    public Area area(String code) {
        return byCode.get(code);
    }

    /** The areas of one level, in the order of their first borough ({@link #byFirstBorough}). */
    public List<Area> ofLevel(String level) {
        return byCode.values().stream().filter(a -> a.level().equals(level)).toList();
    }

    /** The areas below {@code code}, any depth: alliances, then STPs, then boroughs, each in borough order. */
    public List<Area> within(String code) {
        List<Area> out = new ArrayList<>();
        for (Area a : byCode.values()) {
            for (Area up = a; up != null && up.parentCode() != null; up = byCode.get(up.parentCode())) {
                if (up.parentCode().equals(code)) {
                    out.add(a);
                    break;
                }
            }
        }
        return out;
    }

    /** Area code → the code of the area it adds into (London has none), for secondary suppression across levels. */
    public Map<String, String> parentCodes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Area a : byCode.values()) {
            if (a.parentCode() != null) {
                out.put(a.code(), a.parentCode());
            }
        }
        return out;
    }

    public String londonName() {
        return londonName;
    }

    public List<String> boroughCodes() {
        return List.copyOf(boroughs.keySet());
    }

    public Map<String, Long> population() {
        return population;
    }

    public String londonCode() {
        return londonCode;
    }

    /** Usual residents of every area (sum of its boroughs). */
    public Map<String, Long> areaPopulation() {
        Map<String, Long> out = new TreeMap<>();
        for (Map.Entry<String, Long> e : population.entrySet()) {
            if (!boroughs.containsKey(e.getKey())) {
                continue;
            }
            for (String code : parents(e.getKey())) {
                out.merge(code, e.getValue(), Long::sum);
            }
        }
        return out;
    }

    /** How many boroughs an area holds. */
    public int boroughCount(String areaCode) {
        int n = 0;
        for (String b : boroughs.keySet()) {
            if (parents(b).contains(areaCode)) {
                n++;
            }
        }
        return n;
    }

    /** The codes of the areas a borough counts towards: itself, its STP, its alliance, London. */
    public List<String> parents(String laCode) {
        if (UNKNOWN.equals(laCode)) {
            return List.of(londonCode);
        }
        String[] v = boroughs.get(laCode);
        if (v == null) {
            return List.of();
        }
        return List.of(laCode, v[1], v[3], londonCode);
    }

    /**
     * la_code → (area_level, area_code, area_name): four rows per borough, one for {@code unknown}
     * (London only).
     */
    public Dataset<Row> areaMap(SparkSession spark) {
        StructType schema = new StructType()
                .add("la_code", DataTypes.StringType, false)
                .add(AREA_LEVEL, DataTypes.StringType, false)
                .add(AREA_CODE, DataTypes.StringType, false)
                .add(AREA_NAME, DataTypes.StringType, false);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String[]> e : boroughs.entrySet()) {
            String[] v = e.getValue();
            rows.add(RowFactory.create(e.getKey(), BOROUGH, e.getKey(), v[0]));
            rows.add(RowFactory.create(e.getKey(), STP, v[1], v[2]));
            rows.add(RowFactory.create(e.getKey(), ALLIANCE, v[3], v[4]));
            rows.add(RowFactory.create(e.getKey(), LONDON, londonCode, londonName));
        }
        rows.add(RowFactory.create(UNKNOWN, LONDON, londonCode, londonName));
        return spark.createDataFrame(rows, schema);
    }

    /** Every area once: area_level, area_code, area_name, the level's sort position and the parent area. */
    public Dataset<Row> areaList(SparkSession spark) {
        StructType schema = new StructType()
                .add(AREA_LEVEL, DataTypes.StringType, false)
                .add(AREA_CODE, DataTypes.StringType, false)
                .add(AREA_NAME, DataTypes.StringType, false)
                .add(LEVEL_ORDER, DataTypes.IntegerType, false)
                .add(PARENT_CODE, DataTypes.StringType, true);
        List<Row> rows = new ArrayList<>();
        for (Area a : areas) {
            rows.add(RowFactory.create(a.level(), a.code(), a.name(), LEVELS.indexOf(a.level()), a.parentCode()));
        }
        return spark.createDataFrame(rows, schema);
    }
}
