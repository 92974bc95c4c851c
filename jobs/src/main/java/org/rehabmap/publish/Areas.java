package org.rehabmap.publish;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rehabmap.config.ConfigError;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * London's geography as the packs need it, from reference/london_boroughs.csv: each borough's STP
 * and cancer alliance, the parent of every area, and which areas belong in each pack.
 */
public final class Areas {
    public static final String LONDON_CODE = "E12000007";
    public static final String LONDON_NAME = "London";

    public record Area(String code, String name, String level, String parentCode) {}

    /** One pack: an alliance (or London itself) and the area codes its files carry. */
    public record Pack(String slug, String code, String name, Set<String> areaCodes) {
        public boolean isLondon() {
            return LONDON_CODE.equals(code);
        }
    }

    private final Map<String, Area> areas = new LinkedHashMap<>();

    private Areas() {}

    public static Areas load(Path boroughsCsv) {
        Areas a = new Areas();
        a.areas.put(LONDON_CODE, new Area(LONDON_CODE, LONDON_NAME, "london", null));
        Map<String, Area> stps = new LinkedHashMap<>();
        Map<String, Area> alliances = new LinkedHashMap<>();
        List<Area> boroughs = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(boroughsCsv, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(r)) {
            for (CSVRecord rec : p) {
                String alliance = rec.get("cancer_alliance19_code");
                alliances.putIfAbsent(
                        alliance, new Area(alliance, rec.get("cancer_alliance19_name"), "alliance", LONDON_CODE));
                String stp = rec.get("stp19_code");
                stps.putIfAbsent(stp, new Area(stp, rec.get("stp_footprint"), "stp", alliance));
                boroughs.add(new Area(rec.get("la_code"), rec.get("la_name"), "borough", stp));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigError("cannot read the borough lookup " + boroughsCsv + ": " + e.getMessage());
        }
        for (Area x : alliances.values()) {
            a.areas.put(x.code(), x);
        }
        for (Area x : stps.values()) {
            a.areas.put(x.code(), x);
        }
        for (Area x : boroughs) {
            a.areas.put(x.code(), x);
        }
        return a;
    }

    public Area get(String code) {
        return areas.get(code);
    }

    public List<Area> all() {
        return List.copyOf(areas.values());
    }

    public List<Area> ofLevel(String level) {
        return areas.values().stream().filter(x -> x.level().equals(level)).toList();
    }

    /** Areas below {@code code}, any depth, in lookup order. */
    public List<Area> within(String code) {
        List<Area> out = new ArrayList<>();
        for (Area x : areas.values()) {
            for (Area up = x; up != null && up.parentCode() != null; up = areas.get(up.parentCode())) {
                if (up.parentCode().equals(code)) {
                    out.add(x);
                    break;
                }
            }
        }
        return out;
    }

    /** Parent of each area code (London has none), for secondary suppression across levels. */
    public Map<String, String> parents() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Area x : areas.values()) {
            if (x.parentCode() != null) {
                out.put(x.code(), x.parentCode());
            }
        }
        return out;
    }

    /** The three alliance packs, then London's: each alliance's areas plus London as comparator; London's holds every area. */
    public List<Pack> packs() {
        List<Pack> out = new ArrayList<>();
        for (Area alliance : ofLevel("alliance")) {
            Set<String> codes = new LinkedHashSet<>();
            codes.add(alliance.code());
            for (Area x : within(alliance.code())) {
                codes.add(x.code());
            }
            codes.add(LONDON_CODE);
            out.add(new Pack(slug(alliance.name()), alliance.code(), alliance.name(), codes));
        }
        out.add(new Pack("london", LONDON_CODE, LONDON_NAME, new LinkedHashSet<>(areas.keySet())));
        return out;
    }

    static String slug(String name) {
        return name.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }
}
