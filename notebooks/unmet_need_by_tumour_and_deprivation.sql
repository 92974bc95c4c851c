-- Databricks notebook source
-- MAGIC %md
-- MAGIC # How does unmet need differ by tumour group and deprivation?
-- MAGIC
-- MAGIC Unmet need = high-distress concerns (score ≥ 7, `rehabmap.thresholds.high-distress-score`) from Holistic Needs
-- MAGIC Assessments whose action was `no_action`. Deprivation is the borough's IMD 2019 average score (`silver.imd`),
-- MAGIC grouped into fifths of London's boroughs (1 = least deprived). Tumour group comes from the assessments in
-- MAGIC `silver.hna_concern` (pseudonymised; run inside the analytics environment). Counts of 1–7 are blanked as in
-- MAGIC published outputs (disclosure control). Rates are pooled (sum over sum), never averaged.

-- COMMAND ----------

-- borough deprivation fifths (1 = least deprived, 5 = most)
CREATE OR REPLACE TEMPORARY VIEW deprivation AS
SELECT la_code, la_name, imd_average_score, ntile(5) OVER (ORDER BY imd_average_score) AS imd_fifth
FROM silver.imd;

-- concerns of the latest financial year of assessment (April–March, labelled 2024-25)
CREATE OR REPLACE TEMPORARY VIEW latest_concerns AS
SELECT * FROM silver.hna_concern
WHERE financial_year = (SELECT max(financial_year) FROM silver.hna_concern);

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## By deprivation fifth (published gold.unmet_need, all concerns)

-- COMMAND ----------

SELECT d.imd_fifth,
       count(*) AS boroughs,
       round(min(d.imd_average_score), 1) AS imd_from,
       round(max(d.imd_average_score), 1) AS imd_to,
       sum(u.high_distress_concerns) AS high_distress_concerns,
       sum(u.high_distress_without_action) AS without_action,
       round(100 * sum(u.high_distress_without_action) / nullif(sum(u.high_distress_concerns), 0), 1) AS without_action_pct,
       round(avg(u.unmet_need_index), 1) AS mean_unmet_need_index
FROM gold.unmet_need u
JOIN deprivation d ON d.la_code = u.area_code
WHERE u.area_level = 'borough' AND u.breakdown = 'all'
  AND u.period = (SELECT max(period) FROM gold.unmet_need)
GROUP BY d.imd_fifth
ORDER BY d.imd_fifth;

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## By tumour group (latest financial year, all of London)

-- COMMAND ----------

SELECT tumour_group,
       CASE WHEN assessments BETWEEN 1 AND 7 THEN NULL ELSE assessments END AS assessments,
       CASE WHEN high_distress BETWEEN 1 AND 7 THEN NULL ELSE high_distress END AS high_distress_concerns,
       CASE WHEN unmet BETWEEN 1 AND 7 THEN NULL ELSE unmet END AS left_without_action,
       CASE WHEN unmet BETWEEN 1 AND 7 OR high_distress BETWEEN 1 AND 7 THEN NULL
            ELSE round(100 * unmet / nullif(high_distress, 0), 1) END AS without_action_pct
FROM (
  SELECT tumour_group,
         count(DISTINCT assessment_id) AS assessments,
         count_if(concern_score >= 7) AS high_distress,
         count_if(concern_score >= 7 AND action = 'no_action') AS unmet
  FROM latest_concerns
  GROUP BY tumour_group
)
ORDER BY without_action_pct DESC NULLS LAST, tumour_group;

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Tumour group × deprivation fifth
-- MAGIC The percentage of high-distress concerns left without action; blank where a count is 1–7.

-- COMMAND ----------

SELECT tumour_group,
       max(CASE WHEN imd_fifth = 1 THEN pct END) AS least_deprived_1,
       max(CASE WHEN imd_fifth = 2 THEN pct END) AS fifth_2,
       max(CASE WHEN imd_fifth = 3 THEN pct END) AS fifth_3,
       max(CASE WHEN imd_fifth = 4 THEN pct END) AS fifth_4,
       max(CASE WHEN imd_fifth = 5 THEN pct END) AS most_deprived_5
FROM (
  SELECT c.tumour_group, d.imd_fifth,
         CASE WHEN count_if(c.concern_score >= 7) BETWEEN 1 AND 7 OR count_if(c.concern_score >= 7 AND c.action = 'no_action') BETWEEN 1 AND 7
              THEN NULL
              ELSE round(100 * count_if(c.concern_score >= 7 AND c.action = 'no_action') / nullif(count_if(c.concern_score >= 7), 0), 1) END AS pct
  FROM latest_concerns c
  JOIN deprivation d ON d.la_code = c.residence_borough_code
  GROUP BY c.tumour_group, d.imd_fifth
)
GROUP BY tumour_group
ORDER BY tumour_group;
