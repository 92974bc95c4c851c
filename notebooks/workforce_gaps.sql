-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Where are the workforce gaps?
-- MAGIC
-- MAGIC Allied health professional (AHP) workforce for people with cancer, from `gold.workforce_ratios` (WTE in post, funded,
-- MAGIC vacant; per 100,000 residents and per 1,000 people living with cancer) and the workforce indicators of
-- MAGIC `gold.benchmarks`. Ratios above borough level are sums of borough values, never averages.
-- MAGIC Run here with `scripts/rehabmap notebook notebooks/workforce_gaps.sql`, or import into Databricks.

-- COMMAND ----------

-- The current position (latest survey) of every profession and staff group combined, by STP, against London.
CREATE OR REPLACE TEMPORARY VIEW workforce_now AS
SELECT * FROM gold.workforce_ratios
WHERE period = (SELECT max(period) FROM gold.workforce_ratios);

SELECT w.area_name AS stp,
       round(w.wte_in_post, 1) AS wte_in_post,
       round(w.vacancy_wte, 1) AS vacant_wte,
       round(w.vacancy_rate_pct, 1) AS vacancy_rate_pct,
       round(l.vacancy_rate_pct, 1) AS london_vacancy_rate_pct,
       round(w.cancer_wte_per_1k_living_with_cancer, 2) AS cancer_wte_per_1k_lwc,
       round(l.cancer_wte_per_1k_living_with_cancer, 2) AS london_cancer_wte_per_1k_lwc
FROM workforce_now w
JOIN workforce_now l ON l.area_level = 'london' AND l.profession = 'all' AND l.staff_group = 'all'
WHERE w.area_level = 'stp' AND w.profession = 'all' AND w.staff_group = 'all'
ORDER BY w.cancer_wte_per_1k_living_with_cancer;

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Which professions are short?
-- MAGIC Vacancies and cancer-focused WTE by profession across London; the largest vacancy rates first.

-- COMMAND ----------

SELECT profession_label AS profession,
       round(wte_funded, 1) AS funded_wte,
       round(wte_in_post, 1) AS in_post_wte,
       round(vacancy_wte, 1) AS vacant_wte,
       round(vacancy_rate_pct, 1) AS vacancy_rate_pct,
       round(cancer_wte_per_1k_living_with_cancer, 3) AS cancer_wte_per_1k_lwc
FROM workforce_now
WHERE area_level = 'london' AND staff_group = 'all' AND profession <> 'all'
ORDER BY vacancy_rate_pct DESC NULLS LAST, profession;

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## The ten boroughs with the least AHP time for people with cancer
-- MAGIC WTE in post weighted by each post's cancer caseload share, per 1,000 people living with cancer.

-- COMMAND ----------

SELECT b.area_name AS borough,
       round(b.cancer_wte_per_1k_living_with_cancer, 2) AS cancer_wte_per_1k_lwc,
       round(b.cancer_wte_per_1k_living_with_cancer - l.cancer_wte_per_1k_living_with_cancer, 2) AS difference_from_london,
       round(b.vacancy_rate_pct, 1) AS vacancy_rate_pct,
       b.rows_without_caseload_share
FROM workforce_now b
JOIN workforce_now l ON l.area_level = 'london' AND l.profession = 'all' AND l.staff_group = 'all'
WHERE b.area_level = 'borough' AND b.profession = 'all' AND b.staff_group = 'all'
ORDER BY b.cancer_wte_per_1k_living_with_cancer NULLS FIRST, b.area_name
LIMIT 10;

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Specialist against generalist posts by STP
-- MAGIC How much of each STP's AHP workforce is in cancer-specialist posts.

-- COMMAND ----------

SELECT area_name AS stp,
       round(sum(CASE WHEN staff_group = 'specialist' THEN wte_in_post END), 1) AS specialist_wte,
       round(sum(CASE WHEN staff_group = 'generalist' THEN wte_in_post END), 1) AS generalist_wte,
       round(100 * sum(CASE WHEN staff_group = 'specialist' THEN wte_in_post END)
             / nullif(sum(CASE WHEN staff_group <> 'all' THEN wte_in_post END), 0), 1) AS specialist_share_pct
FROM workforce_now
WHERE area_level = 'stp' AND profession = 'all'
GROUP BY area_name
ORDER BY specialist_share_pct;
