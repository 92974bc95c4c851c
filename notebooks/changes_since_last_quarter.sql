-- Databricks notebook source
-- MAGIC %md
-- MAGIC # What changed since last quarter?
-- MAGIC
-- MAGIC Three views of change: indicators whose latest value moved against the previous period (`gold.benchmarks`
-- MAGIC `previous_value` and `trend`), services that started or stopped appearing in the providers' quarterly returns
-- MAGIC (`silver.service`), and the gold tables' own Delta history (what each run rewrote).

-- COMMAND ----------

-- the latest period of each indicator, with its previous value, at STP and London level
SELECT indicator_id, period, area_name,
       round(previous_value, 2) AS previous_value,
       round(value, 2) AS value,
       round(value - previous_value, 2) AS change,
       trend, significance
FROM gold.benchmarks b
WHERE area_level IN ('stp', 'london')
  AND period = (SELECT max(period) FROM gold.benchmarks x WHERE x.indicator_id = b.indicator_id)
  AND previous_value IS NOT NULL
ORDER BY indicator_id, area_level DESC, area_name;

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Services new or gone in the latest return
-- MAGIC A service is active in a quarter when it appears in that quarter's return; one that stops appearing is inactive.

-- COMMAND ----------

CREATE OR REPLACE TEMPORARY VIEW quarters AS
SELECT max(return_period) AS latest,
       max(return_period) FILTER (WHERE return_period < (SELECT max(return_period) FROM silver.service)) AS previous
FROM silver.service;

SELECT CASE WHEN p.service_id IS NULL THEN 'new' ELSE 'stopped' END AS change,
       coalesce(l.provider_code, p.provider_code) AS provider_code,
       coalesce(l.service_id, p.service_id) AS service_id,
       coalesce(l.service_name, p.service_name) AS service_name,
       concat_ws(';', coalesce(l.pathway_stages, p.pathway_stages)) AS pathway_stages
FROM (SELECT s.* FROM silver.service s, quarters q WHERE s.return_period = q.latest) l
FULL OUTER JOIN (SELECT s.* FROM silver.service s, quarters q WHERE s.return_period = q.previous) p
  ON l.provider_code = p.provider_code AND l.service_id = p.service_id
WHERE l.service_id IS NULL OR p.service_id IS NULL
ORDER BY change, provider_code, service_id;

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Funding end dates that moved between the two returns

-- COMMAND ----------

SELECT l.provider_code, l.service_id, l.service_name,
       p.funding_end_date AS previous_funding_end, l.funding_end_date AS latest_funding_end
FROM silver.service l
JOIN quarters q ON l.return_period = q.latest
JOIN silver.service p ON p.return_period = q.previous AND p.provider_code = l.provider_code AND p.service_id = l.service_id
WHERE NOT (p.funding_end_date <=> l.funding_end_date)
ORDER BY l.provider_code, l.service_id;

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## When the published indicators were last rewritten

-- COMMAND ----------

DESCRIBE HISTORY gold.benchmarks LIMIT 5;
