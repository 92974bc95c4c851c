package org.rehabmap.generate;

import java.util.List;

/**
 * Synthetic provider names. Some carry the characters Excel on Windows produces (’ – £), a comma
 * or double quotes, so the files exercise encoding and CSV quoting; every character is in
 * Windows-1252 so any file can be written in it.
 */
final class ProviderNames {
    private static final List<String> SAINTS = List.of(
            "Aldhelm",
            "Botolph",
            "Brigid",
            "Cuthbert",
            "Edith",
            "Erkenwald",
            "Etheldreda",
            "Frideswide",
            "Gilbert",
            "Hilda",
            "Ives",
            "Kenelm",
            "Mildred",
            "Osyth",
            "Petroc",
            "Swithun",
            "Werburgh",
            "Wulfstan");
    private static final List<String> AREAS = List.of("North", "South", "East", "West", "Central", "Riverside", "Park");

    private ProviderNames() {}

    static String name(String type, ReferenceData.Borough home, Rng rng) {
        String b = home.name();
        switch (type) {
            case "acute_trust":
                return rng.pick(List.of(
                        b + " University Hospitals NHS Trust",
                        b + " Hospital NHS Foundation Trust",
                        "Royal " + b + " Hospital NHS Trust",
                        home.stp() + " Hospitals NHS Foundation Trust"));
            case "community_trust":
                return rng.pick(
                        List.of(b + " Community Health NHS Trust", home.stp() + " Community Healthcare NHS Trust"));
            case "mental_health_trust":
                return rng.pick(List.of(
                        home.stp() + " Mental Health NHS Foundation Trust",
                        b + " and District Mental Health NHS Trust"));
            case "hospice": {
                String saint = rng.pick(SAINTS);
                String apostrophe = rng.chance(0.8) ? "’" : "'";
                if (rng.chance(0.2)) {
                    return b + " Hospice Care";
                }
                String name = "St " + saint + apostrophe + "s Hospice";
                return rng.chance(0.4) ? name + " – " + b : name;
            }
            case "voluntary":
                return rng.pick(List.of(
                        b + " Cancer Support Centre",
                        "Move More – " + b,
                        "Living Well After Cancer, " + b,
                        "The \"Bridge\" Cancer Drop-in, " + b,
                        b + " Cancer Care Fund (£1 Club)",
                        "Friends of " + b + " Hospital – £5 Rehab Appeal",
                        "Bright Days Cancer Charity – " + b,
                        "Pelican’s Wings Cancer Trust"));
            case "local_authority":
                return localAuthority(home) + (rng.chance(0.3) ? " – Public Health" : "");
            case "primary_care":
                return b + " " + rng.pick(AREAS) + " Primary Care Network";
            default:
                throw new IllegalArgumentException(type);
        }
    }

    private static String localAuthority(ReferenceData.Borough home) {
        return switch (home.code()) {
            case "E09000001" -> "City of London Corporation";
            case "E09000033" -> "Westminster City Council";
            case "E09000011", "E09000020", "E09000021" -> "Royal Borough of " + home.name();
            default -> "London Borough of " + home.name();
        };
    }
}
