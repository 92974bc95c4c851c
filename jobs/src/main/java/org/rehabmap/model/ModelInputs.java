package org.rehabmap.model;

import java.util.List;
import java.util.Map;

/**
 * Everything the workforce model needs, already summed to areas: a few hundred numbers collected
 * from silver once ({@link ModelInputsReader}), so that every scenario, every sensitivity run and
 * the what-if command are plain Java arithmetic over the same inputs ({@link WorkforceModel}).
 *
 * @param baseYear          the first modelled year (people living with cancer are counted in it)
 * @param areas             every area, London first, then alliances, STPs and boroughs by code
 * @param professions       the modelled professions (those the concern mapping names), sorted
 * @param livingWithCancer  borough → people living with cancer in the base year (absent: not in the extract);
 *                          an area's count is the sum of its boroughs'
 * @param hna               area code → assessed people and high-distress concerns in the financial year
 * @param supply            area code → profession → cancer WTE (absent: no posts of that profession)
 * @param population65      borough → year → projected residents aged 65+, rebased to Census 2021
 * @param pay               Agenda for Change pay and on-costs, or null when the reference tables are absent
 * @param hnaPeriod         the financial year of the HNA rows (e.g. 2024-25), or null
 * @param workforcePosition the workforce position date (latest survey per provider), or null when there is no survey
 */
public record ModelInputs(
        int baseYear,
        List<Area> areas,
        List<String> professions,
        Map<String, String> professionLabels,
        Map<String, Long> livingWithCancer,
        Map<String, Hna> hna,
        Map<String, Map<String, Supply>> supply,
        Map<String, Map<Integer, Double>> population65,
        PayTable pay,
        String hnaPeriod,
        String workforcePosition) {

    /**
     * One area of the model.
     *
     * @param ancestors the areas it adds into, nearest first (a borough: its STP, alliance, London)
     * @param boroughs  the boroughs it is made of (a borough: itself)
     */
    public record Area(String level, String code, String name, List<String> ancestors, List<String> boroughs) {}

    /**
     * HNA counts of one area in the financial year.
     *
     * @param people              distinct assessed people (pseudonymised NHS numbers) resident in the area
     * @param highDistressConcerns profession → concerns scored at or above the high-distress threshold
     *                            that the profession meets (a concern under two professions counts for each)
     */
    public record Hna(long people, Map<String, Long> highDistressConcerns) {}

    /**
     * AHP time for people with cancer in one area and profession, at the workforce position:
     * survey rows apportioned to boroughs and summed, each row × its cancer caseload share.
     *
     * @param inPost           Σ wte_in_post × share
     * @param vacant           Σ max(wte_funded − wte_in_post, 0) × share
     * @param fundedByBand     Agenda for Change band → Σ wte_funded × share (the band mix used to cost a WTE)
     * @param rowsWithoutShare generalist survey rows without a cancer caseload share, left out
     */
    public record Supply(double inPost, double vacant, Map<String, Double> fundedByBand, long rowsWithoutShare) {}

    /**
     * Annual full-time pay by band and the employer's on-cost rates (silver.afc_pay,
     * silver.employer_oncost); an assumption set chooses which on-cost rows apply.
     *
     * @param bands   band → pay points
     * @param oncosts "item|period" → rate and threshold
     */
    public record PayTable(Map<String, PayBand> bands, Map<String, OnCost> oncosts) {
        public OnCost oncost(AssumptionSet.OnCostRow row) {
            return oncosts.get(row.item() + "|" + row.period());
        }
    }

    /** One on-cost: a rate in % of pay above a threshold (£ a year; 0 when none). */
    public record OnCost(double ratePct, double thresholdGbp) {}

    /** One band's annual full-time basic pay: entry, intermediate (may be null) and top. */
    public record PayBand(double entry, Double intermediate, double top) {}

    public Area area(String code) {
        for (Area a : areas) {
            if (a.code().equals(code)) {
                return a;
            }
        }
        return null;
    }
}
