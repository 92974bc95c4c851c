-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Which boroughs have no palliative or preventative rehabilitation?
-- MAGIC
-- MAGIC From `gold.service_map`: every borough × pathway stage × tumour group × setting with the active services serving it in
-- MAGIC the latest return period (`gap` = no active service). A borough "has no palliative rehabilitation" when no active
-- MAGIC service serves it at the palliative stage for any tumour group in any setting.

-- COMMAND ----------

CREATE OR REPLACE TEMPORARY VIEW stage_cover AS
SELECT period, area_code, area_name, pathway_stage,
       max(active_services) AS most_services_in_a_cell,
       count_if(NOT gap) AS cells_with_a_service,
       count(*) AS cells
FROM gold.service_map
WHERE area_level = 'borough' AND pathway_stage IN ('palliative', 'preventative')
GROUP BY period, area_code, area_name, pathway_stage;

-- boroughs without any active service at one or both stages
SELECT area_name AS borough,
       max(CASE WHEN pathway_stage = 'palliative' THEN cells_with_a_service = 0 END) AS no_palliative,
       max(CASE WHEN pathway_stage = 'preventative' THEN cells_with_a_service = 0 END) AS no_preventative,
       first(period) AS return_period
FROM stage_cover
GROUP BY area_code, area_name
HAVING max(cells_with_a_service = 0)
ORDER BY area_name;

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Coverage by tumour group
-- MAGIC Boroughs served at each stage, by tumour group: where a group is left out even when the stage exists.

-- COMMAND ----------

SELECT tumour_group,
       count(DISTINCT CASE WHEN pathway_stage = 'palliative' AND NOT gap THEN area_code END) AS boroughs_with_palliative,
       count(DISTINCT CASE WHEN pathway_stage = 'preventative' AND NOT gap THEN area_code END) AS boroughs_with_preventative,
       count(DISTINCT area_code) AS boroughs
FROM gold.service_map
WHERE area_level = 'borough'
GROUP BY tumour_group
ORDER BY boroughs_with_palliative, boroughs_with_preventative, tumour_group;

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Fragile coverage: the only services are at risk or single-handed
-- MAGIC Boroughs whose palliative or preventative services all have funding ending within the risk window, or are single-handed.

-- COMMAND ----------

SELECT area_name AS borough, pathway_stage,
       size(array_distinct(flatten(collect_list(service_keys)))) AS services,
       size(array_distinct(flatten(collect_list(at_risk_service_keys)))) AS at_risk,
       size(array_distinct(flatten(collect_list(single_handed_service_keys)))) AS single_handed
FROM gold.service_map
WHERE area_level = 'borough' AND pathway_stage IN ('palliative', 'preventative')
GROUP BY area_name, pathway_stage
HAVING services > 0 AND (at_risk = services OR single_handed = services)
ORDER BY area_name, pathway_stage;
