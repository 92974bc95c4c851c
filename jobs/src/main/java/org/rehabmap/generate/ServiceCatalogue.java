package org.rehabmap.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Kinds of cancer rehabilitation service the generator can give a provider: who runs them, in
 * which settings, at which pathway stages, for which tumour groups, at which rehabilitation level
 * and with which professions. Hand-written, loosely after the London cancer rehabilitation
 * guidance (prehabilitation, restorative, supportive, palliative rehabilitation).
 */
final class ServiceCatalogue {
    static final List<String> PROVIDER_TYPES = List.of(
            "acute_trust",
            "community_trust",
            "mental_health_trust",
            "hospice",
            "voluntary",
            "local_authority",
            "primary_care");
    static final List<String> TUMOUR_GROUPS = List.of(
            "breast",
            "lung",
            "colorectal",
            "upper_gi",
            "urology",
            "head_and_neck",
            "gynaecology",
            "haematology",
            "brain_cns",
            "skin",
            "sarcoma",
            "other");
    static final List<String> STAGES = List.of("preventative", "restorative", "supportive", "palliative");
    static final List<String> ROUTES = List.of("self", "gp", "cns", "consultant", "ahp", "social_care");

    record Template(
            String name,
            List<String> providerTypes,
            List<String> settings,
            List<String> stages,
            List<String> tumourGroups,
            int minLevel,
            int maxLevel,
            List<String> coreProfessions,
            List<String> otherProfessions) {
        boolean runBy(String providerType) {
            return providerTypes.contains(providerType);
        }
    }

    private static final String ACUTE = "acute_trust";
    private static final String COMMUNITY = "community_trust";
    private static final String MH = "mental_health_trust";
    private static final String HOSPICE = "hospice";
    private static final String VOLUNTARY = "voluntary";
    private static final String LA = "local_authority";
    private static final String PC = "primary_care";

    static final List<Template> TEMPLATES = List.of(
            t(
                    "Prehabilitation programme",
                    of(ACUTE, COMMUNITY, VOLUNTARY),
                    of("acute_outpatient", "virtual", "community"),
                    of("preventative"),
                    of("all", "lung", "colorectal", "upper_gi"),
                    2,
                    3,
                    of("physiotherapist", "dietitian"),
                    of("rehab_support_worker", "occupational_therapist")),
            t(
                    "Surgery school",
                    of(ACUTE),
                    of("acute_outpatient", "virtual"),
                    of("preventative"),
                    of("colorectal", "upper_gi", "lung"),
                    2,
                    3,
                    of("physiotherapist"),
                    of("dietitian", "occupational_therapist")),
            t(
                    "Acute oncology therapy team",
                    of(ACUTE),
                    of("acute_inpatient"),
                    of("restorative", "supportive"),
                    of("all"),
                    3,
                    4,
                    of("physiotherapist", "occupational_therapist"),
                    of("dietitian", "speech_and_language_therapist", "rehab_support_worker")),
            t(
                    "Head and neck cancer SLT and dietetics",
                    of(ACUTE),
                    of("acute_outpatient", "acute_inpatient"),
                    of("restorative", "supportive"),
                    of("head_and_neck"),
                    4,
                    4,
                    of("speech_and_language_therapist", "dietitian"),
                    of("physiotherapist")),
            t(
                    "Breast cancer physiotherapy",
                    of(ACUTE, COMMUNITY),
                    of("acute_outpatient", "community"),
                    of("restorative"),
                    of("breast"),
                    3,
                    4,
                    of("physiotherapist"),
                    of("occupational_therapist")),
            t(
                    "Lymphoedema service",
                    of(ACUTE, COMMUNITY, HOSPICE),
                    of("acute_outpatient", "community"),
                    of("restorative", "supportive"),
                    of("all", "breast", "gynaecology", "skin"),
                    3,
                    4,
                    of("physiotherapist"),
                    of("occupational_therapist", "rehab_support_worker")),
            t(
                    "Pelvic health physiotherapy (oncology)",
                    of(ACUTE, COMMUNITY),
                    of("acute_outpatient", "community"),
                    of("restorative"),
                    of("urology", "gynaecology", "colorectal"),
                    3,
                    4,
                    of("physiotherapist"),
                    of()),
            t(
                    "Haematology therapy service",
                    of(ACUTE),
                    of("acute_inpatient", "acute_outpatient"),
                    of("restorative", "supportive"),
                    of("haematology"),
                    3,
                    4,
                    of("physiotherapist", "occupational_therapist"),
                    of("dietitian")),
            t(
                    "Neuro-oncology rehabilitation",
                    of(ACUTE, COMMUNITY),
                    of("acute_inpatient", "community", "home"),
                    of("restorative", "supportive"),
                    of("brain_cns"),
                    4,
                    4,
                    of("physiotherapist", "occupational_therapist", "speech_and_language_therapist"),
                    of("orthoptist")),
            t(
                    "Sarcoma limb service",
                    of(ACUTE),
                    of("acute_outpatient"),
                    of("restorative"),
                    of("sarcoma"),
                    4,
                    4,
                    of("physiotherapist", "prosthetist_orthotist"),
                    of("occupational_therapist", "podiatrist")),
            t(
                    "Radiotherapy late effects clinic",
                    of(ACUTE),
                    of("acute_outpatient", "virtual"),
                    of("supportive"),
                    of("all", "head_and_neck", "gynaecology", "urology"),
                    3,
                    4,
                    of("therapeutic_radiographer"),
                    of("dietitian")),
            t(
                    "Oncology dietetics",
                    of(ACUTE, COMMUNITY),
                    of("acute_outpatient", "community", "virtual"),
                    of("restorative", "supportive"),
                    of("all", "upper_gi", "head_and_neck", "colorectal"),
                    3,
                    4,
                    of("dietitian"),
                    of()),
            t(
                    "Community cancer rehabilitation team",
                    of(COMMUNITY, LA),
                    of("community", "home"),
                    of("restorative", "supportive"),
                    of("all"),
                    2,
                    3,
                    of("physiotherapist", "occupational_therapist"),
                    of("rehab_support_worker", "dietitian", "speech_and_language_therapist")),
            t(
                    "Fatigue management group",
                    of(COMMUNITY, VOLUNTARY, ACUTE),
                    of("community", "virtual"),
                    of("supportive"),
                    of("all"),
                    2,
                    3,
                    of("occupational_therapist"),
                    of("physiotherapist")),
            t(
                    "Exercise after cancer programme",
                    of(VOLUNTARY, LA, COMMUNITY),
                    of("community", "virtual"),
                    of("supportive", "restorative"),
                    of("all", "breast", "colorectal", "urology"),
                    1,
                    2,
                    of("physiotherapist"),
                    of("rehab_support_worker")),
            t(
                    "Living well with and beyond cancer course",
                    of(VOLUNTARY, PC, ACUTE),
                    of("community", "virtual"),
                    of("supportive"),
                    of("all"),
                    1,
                    2,
                    of("occupational_therapist"),
                    of("dietitian", "physiotherapist")),
            t(
                    "Work after cancer (vocational rehabilitation)",
                    of(VOLUNTARY, COMMUNITY, LA),
                    of("community", "virtual"),
                    of("supportive"),
                    of("all"),
                    2,
                    3,
                    of("occupational_therapist"),
                    of()),
            t(
                    "Palliative rehabilitation team",
                    of(HOSPICE, COMMUNITY),
                    of("hospice", "home"),
                    of("palliative", "supportive"),
                    of("all"),
                    3,
                    4,
                    of("physiotherapist", "occupational_therapist"),
                    of("rehab_support_worker", "dietitian", "speech_and_language_therapist")),
            t(
                    "Hospice day therapies",
                    of(HOSPICE),
                    of("hospice"),
                    of("supportive", "palliative"),
                    of("all"),
                    2,
                    4,
                    of("occupational_therapist"),
                    of("art_therapist", "music_therapist", "physiotherapist", "dramatherapist")),
            t(
                    "Creative therapies for people with cancer",
                    of(HOSPICE, VOLUNTARY, MH),
                    of("hospice", "community", "virtual"),
                    of("supportive"),
                    of("all"),
                    2,
                    3,
                    of("art_therapist"),
                    of("music_therapist", "dramatherapist")),
            t(
                    "Psycho-oncology and wellbeing service",
                    of(MH, ACUTE),
                    of("community", "virtual", "acute_outpatient"),
                    of("supportive"),
                    of("all"),
                    3,
                    4,
                    of("occupational_therapist"),
                    of("art_therapist", "music_therapist")),
            t(
                    "Social prescribing for cancer",
                    of(PC, LA),
                    of("community"),
                    of("supportive"),
                    of("all"),
                    1,
                    1,
                    of("rehab_support_worker"),
                    of()),
            t(
                    "Falls and mobility (oncology)",
                    of(COMMUNITY, LA, PC),
                    of("home", "community"),
                    of("restorative", "palliative"),
                    of("all"),
                    2,
                    3,
                    of("physiotherapist"),
                    of("occupational_therapist", "podiatrist")),
            t(
                    "Paramedic-led palliative response",
                    of(COMMUNITY, HOSPICE),
                    of("home"),
                    of("palliative"),
                    of("all"),
                    2,
                    3,
                    of("paramedic"),
                    of("occupational_therapist")));

    private ServiceCatalogue() {}

    static List<Template> forType(String providerType) {
        List<Template> out = new ArrayList<>();
        for (Template t : TEMPLATES) {
            if (t.runBy(providerType)) {
                out.add(t);
            }
        }
        return out;
    }

    private static Template t(
            String name,
            List<String> types,
            List<String> settings,
            List<String> stages,
            List<String> tumours,
            int minLevel,
            int maxLevel,
            List<String> core,
            List<String> other) {
        return new Template(name, types, settings, stages, tumours, minLevel, maxLevel, core, other);
    }

    private static List<String> of(String... values) {
        return List.of(values);
    }
}
