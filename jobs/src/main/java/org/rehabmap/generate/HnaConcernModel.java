package org.rehabmap.generate;

import java.util.List;
import java.util.Map;

/**
 * What people raise in an HNA and what happens to it. Concerns are drawn without replacement
 * with weights (fatigue, worry, sleep and pain most common; work and children for the young;
 * personal care and loneliness for the old; site-specific ones by tumour group). Scores are 0–10
 * with about a fifth at 7 or more, higher at recurrence / palliative points. Actions depend on
 * the score and on the borough's service level: fewer referrals and more "no action" where
 * services are thin. A referral always names where to.
 */
final class HnaConcernModel {
    static final List<String> PATHWAY_POINTS =
            List.of("diagnosis", "treatment", "end_of_treatment", "follow_up", "recurrence", "palliative");
    private static final double[] FIRST_POINT = {30, 30, 22, 8, 4, 6};
    private static final double[] LATER_POINT = {2, 25, 35, 20, 8, 10};
    private static final double[] SCORES = {4, 7, 10, 12, 13, 13, 11, 7, 5, 3, 2};
    private static final String[] ACTIONS = {"referred", "information_given", "discussed", "no_action", "declined"};

    private static final Map<String, Double> BASE_WEIGHT = Map.ofEntries(
            Map.entry("fatigue", 10.0),
            Map.entry("worry_anxiety", 9.0),
            Map.entry("sleep", 7.0),
            Map.entry("pain", 6.0),
            Map.entry("eating_appetite", 4.5),
            Map.entry("mobility", 4.0),
            Map.entry("memory_concentration", 3.0),
            Map.entry("money_housing", 3.5),
            Map.entry("sadness_depression", 3.5),
            Map.entry("work_education", 2.5),
            Map.entry("weight_change", 2.5),
            Map.entry("tingling", 2.5),
            Map.entry("breathing", 2.5),
            Map.entry("swelling", 2.0),
            Map.entry("hot_flushes", 2.0),
            Map.entry("sexuality", 1.5),
            Map.entry("appearance", 1.5),
            Map.entry("speech", 0.5),
            Map.entry("sore_dry_mouth", 1.2),
            Map.entry("constipation", 1.5),
            Map.entry("nausea_vomiting", 1.5),
            Map.entry("caring", 1.2),
            Map.entry("housework_shopping", 1.2),
            Map.entry("preparing_meals", 0.8),
            Map.entry("loneliness", 1.5),
            Map.entry("making_plans", 1.5),
            Map.entry("anger_frustration", 1.5),
            Map.entry("transport_parking", 1.5),
            Map.entry("nhs_communication", 1.2),
            Map.entry("skin", 1.2),
            Map.entry("taste_sight_hearing", 1.2),
            Map.entry("loss_of_meaning", 0.5),
            Map.entry("loss_of_faith", 0.3),
            Map.entry("regret", 0.4),
            Map.entry("guilt", 0.6),
            Map.entry("fever", 0.3),
            Map.entry("insurance_travel", 0.8),
            Map.entry("wound_care", 0.8),
            Map.entry("indigestion", 0.8));

    /** Where a referral for a concern goes (first is the most usual). */
    private static final Map<String, String[]> REFERRED_TO = Map.ofEntries(
            Map.entry("breathing", a("physiotherapist", "nursing")),
            Map.entry("eating_appetite", a("dietitian")),
            Map.entry("weight_change", a("dietitian")),
            Map.entry("sore_dry_mouth", a("dietitian", "speech_and_language_therapist")),
            Map.entry("sleep", a("psychology", "gp")),
            Map.entry("fatigue", a("occupational_therapist", "physiotherapist")),
            Map.entry("swelling", a("physiotherapist", "nursing")),
            Map.entry("mobility", a("physiotherapist", "occupational_therapist", "podiatrist")),
            Map.entry("tingling", a("physiotherapist", "podiatrist", "gp")),
            Map.entry("pain", a("gp", "nursing", "physiotherapist")),
            Map.entry("hot_flushes", a("gp", "nursing")),
            Map.entry("skin", a("nursing", "therapeutic_radiographer")),
            Map.entry("wound_care", a("nursing")),
            Map.entry("memory_concentration", a("occupational_therapist", "psychology")),
            Map.entry("taste_sight_hearing", a("dietitian", "orthoptist", "gp")),
            Map.entry("speech", a("speech_and_language_therapist")),
            Map.entry("appearance", a("psychology", "prosthetist_orthotist", "other")),
            Map.entry("sexuality", a("psychology", "nursing")),
            Map.entry("work_education", a("occupational_therapist", "other")),
            Map.entry("washing_dressing", a("occupational_therapist", "social_care")),
            Map.entry("preparing_meals", a("occupational_therapist", "social_care")),
            Map.entry("housework_shopping", a("social_care", "occupational_therapist")),
            Map.entry("nhs_communication", a("nursing", "other")));

    private static final Map<String, String[]> REFERRED_TO_BY_DOMAIN = Map.of(
            "physical",
            a("nursing", "gp"),
            "practical",
            a("social_care", "other"),
            "family",
            a("psychology", "social_care", "other"),
            "emotional",
            a("psychology", "art_therapist", "music_therapist", "dramatherapist", "gp"),
            "spiritual",
            a("other", "psychology"));

    private final List<ReferenceData.Concern> concerns;
    private final double[] base;

    HnaConcernModel(List<ReferenceData.Concern> concerns) {
        this.concerns = concerns;
        this.base = concerns.stream()
                .mapToDouble(c -> BASE_WEIGHT.getOrDefault(c.code(), 1.0))
                .toArray();
    }

    String pathwayPoint(boolean seenBefore, Rng rng) {
        return PATHWAY_POINTS.get(rng.weighted(seenBefore ? LATER_POINT : FIRST_POINT));
    }

    /** Indexes into the concern catalogue, in catalogue order (as eHNA exports list them). */
    int[] concerns(HnaPeople.Person person, String point, Rng rng) {
        boolean late = point.equals("palliative") || point.equals("recurrence");
        int k = Math.max(
                1,
                Math.min(
                        30,
                        1
                                + rng.poisson(7.1
                                        + (late ? 2 : 0)
                                        + 0.5 * person.borough().imdZ())));
        double[] w = base.clone();
        boolean young = person.ageBand().equals("18-39") || person.ageBand().equals("40-59");
        boolean old = person.ageBand().equals("80+");
        for (int i = 0; i < w.length; i++) {
            String c = concerns.get(i).code();
            switch (c) {
                case "work_education", "children" -> w[i] *= young ? 2.5 : 0.2;
                case "washing_dressing", "housework_shopping", "loneliness" -> w[i] *= old ? 2.5 : 1;
                case "hot_flushes" -> w[i] *= person.tumourGroup().equals("breast") ? 3 : 1;
                case "speech" -> w[i] *= person.tumourGroup().equals("head_and_neck") ? 12 : 1;
                case "sore_dry_mouth" -> w[i] *= person.tumourGroup().equals("head_and_neck") ? 6 : 1;
                case "appearance" ->
                    w[i] *= person.tumourGroup().equals("head_and_neck")
                                    || person.tumourGroup().equals("breast")
                            ? 2
                            : 1;
                case "passing_urine" -> w[i] *= person.tumourGroup().equals("urology") ? 4 : 1;
                case "diarrhoea" -> w[i] *= person.tumourGroup().equals("colorectal") ? 4 : 1;
                case "breathing" -> w[i] *= person.tumourGroup().equals("lung") ? 4 : 1;
                case "nausea_vomiting", "wound_care" -> w[i] *= point.equals("treatment") ? 2 : 1;
                case "making_plans", "hopelessness" -> w[i] *= late ? 2 : 1;
                default -> {}
            }
        }
        k = Math.min(k, w.length);
        boolean[] chosen = new boolean[w.length];
        for (int j = 0; j < k; j++) {
            int i = rng.weighted(w);
            chosen[i] = true;
            w[i] = 0;
        }
        int[] out = new int[k];
        for (int i = 0, j = 0; i < chosen.length; i++) {
            if (chosen[i]) {
                out[j++] = i;
            }
        }
        return out;
    }

    /** 0–10; {@code distress} is the person's own tendency (−1, 0, +1) on this assessment. */
    int score(ReferenceData.Concern concern, String point, int distress, Rng rng) {
        int s = rng.weighted(SCORES) + distress;
        if (concern.domain().equals("emotional") && rng.chance(0.2)) {
            s++;
        }
        if ((point.equals("palliative") || point.equals("recurrence")) && rng.chance(0.35)) {
            s++;
        }
        return Math.max(0, Math.min(10, s));
    }

    String action(int score, BoroughProfile borough, Rng rng) {
        double level = borough.serviceLevel();
        double[] w = {
            (0.06 + 0.035 * score) * Math.min(1.2, Math.pow(level, 0.3)),
            0.27,
            0.33,
            0.09 / Math.sqrt(level) + (score <= 2 ? 0.02 : 0),
            0.035
        };
        return ACTIONS[rng.weighted(w)];
    }

    String referredTo(ReferenceData.Concern concern, Rng rng) {
        String[] options = REFERRED_TO.getOrDefault(
                concern.code(), REFERRED_TO_BY_DOMAIN.getOrDefault(concern.domain(), a("other")));
        return rng.chance(0.7) ? options[0] : rng.pick(options);
    }

    ReferenceData.Concern concern(int index) {
        return concerns.get(index);
    }

    private static String[] a(String... values) {
        return values;
    }
}
