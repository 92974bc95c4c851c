-- Databricks notebook source
-- MAGIC %md
-- MAGIC # How does unmet need differ by deprivation and tumour group in each alliance?
-- MAGIC
-- MAGIC From `gold.inequalities` (docs/methods.md): of the Holistic Needs Assessments of the latest financial year,
-- MAGIC the percentage with a high-distress concern (score ≥ 7) left without action, by group, with its 95% Wilson
-- MAGIC interval and the alliance's own value beside it (`significance`: the group's interval wholly above or below
-- MAGIC the alliance's value, no judgement). The deprivation quintile is **area-based**: the quintile of the person's
-- MAGIC residence borough among London's 33 by IMD 2019 average score, 1 = most deprived boroughs; it is not the
-- MAGIC person's own deprivation. Counts of 1–7 are already withheld in gold (null, `suppressed`), with the next
-- MAGIC smallest group of the same breakdown.

-- COMMAND ----------

CREATE OR REPLACE TEMPORARY VIEW latest_unmet AS
SELECT *
FROM gold.inequalities
WHERE indicator_id = 'hna_unaddressed_high_distress_pct'
  AND period = (SELECT max(period) FROM gold.inequalities WHERE indicator_id = 'hna_unaddressed_high_distress_pct');

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## By deprivation quintile, each alliance and London

-- COMMAND ----------

SELECT area_name,
       breakdown_code AS quintile,
       numerator AS unaddressed,
       denominator AS assessments,
       round(value, 1) AS unaddressed_pct,
       round(lower_ci95, 1) AS lower_95,
       round(upper_ci95, 1) AS upper_95,
       round(area_value, 1) AS whole_area_pct,
       significance
FROM latest_unmet
WHERE area_level IN ('alliance', 'london') AND breakdown = 'deprivation_quintile' AND breakdown_code <> 'gap_q1_q5'
ORDER BY area_level = 'london', area_name, quintile;

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## The gap: quintile 1 (most deprived boroughs) minus quintile 5, in percentage points
-- MAGIC
-- MAGIC Newcombe's hybrid score interval (method 10). `higher`: the most deprived boroughs' rate is higher; `similar`:
-- MAGIC the interval includes no difference. Only areas with boroughs in both quintiles have a gap.

-- COMMAND ----------

SELECT area_level, area_name, indicator_id,
       round(value, 1) AS gap_points,
       round(lower_ci95, 1) AS lower_95,
       round(upper_ci95, 1) AS upper_95,
       significance,
       note
FROM gold.inequalities g
WHERE breakdown_code = 'gap_q1_q5' AND area_level IN ('alliance', 'london')
  AND period = (SELECT max(i.period) FROM gold.inequalities i WHERE i.indicator_id = g.indicator_id)
ORDER BY indicator_id, area_level = 'london', area_name;

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## By tumour group, each alliance: groups whose interval lies above the alliance's value first

-- COMMAND ----------

SELECT area_name,
       breakdown_label AS tumour_group,
       numerator AS unaddressed,
       denominator AS assessments,
       round(value, 1) AS unaddressed_pct,
       round(lower_ci95, 1) AS lower_95,
       round(upper_ci95, 1) AS upper_95,
       round(area_value, 1) AS alliance_pct,
       significance
FROM latest_unmet
WHERE area_level = 'alliance' AND breakdown = 'tumour_group'
ORDER BY area_name, CASE significance WHEN 'higher' THEN 0 WHEN 'similar' THEN 1 WHEN 'lower' THEN 2 ELSE 3 END,
         value DESC NULLS LAST;

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Which high-need domains have no self-referral route?
-- MAGIC
-- MAGIC From `gold.asset_map` (docs/methods.md): in each alliance, the HNA concern domains where people raised
-- MAGIC high-distress concerns in the latest financial year and no active service meeting the domain takes
-- MAGIC self-referrals; `gap` = no service meets the domain at all. A withheld count (null, `suppressed`) is kept in
-- MAGIC the list: it may hide a few concerns.

-- COMMAND ----------

SELECT area_name,
       domain,
       high_distress_concerns,
       round(unaddressed_high_distress_pct, 1) AS unaddressed_pct,
       round(lower_ci95, 1) AS lower_95,
       round(upper_ci95, 1) AS upper_95,
       services_meeting,
       self_referral_services,
       gap,
       suppressed
FROM gold.asset_map
WHERE area_level = 'alliance'
  AND self_referral_services = 0
  AND (high_distress_concerns > 0 OR suppressed)
ORDER BY area_name, unaddressed_high_distress_pct DESC NULLS LAST, domain;
