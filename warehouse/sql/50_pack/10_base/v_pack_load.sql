-- model: v_pack_load
-- grain: one row per succeeded ETL run whose rows are still in the warehouse or which rejected rows
-- key: load_id
-- not_null: job, rows_in, rows_loaded, rows_rejected
CREATE OR REPLACE VIEW v_pack_load AS
SELECT load_id, job,
       -- file name only: the folder differs between machines and would make packs differ
       regexp_extract(file_path, '[^/]*$') AS file_name,
       left(file_sha256, 12) AS sha256_prefix,
       rows_in, rows_loaded, rows_rejected, rows_warned
FROM etl_run
WHERE status = 'succeeded'
  AND (load_id IN (SELECT DISTINCT load_id FROM fact_observation) OR rows_rejected > 0 OR rows_warned > 0
       OR load_id IN (SELECT max(load_id) FROM etl_run WHERE file_path IS NOT NULL AND status = 'succeeded' GROUP BY job));
COMMENT ON VIEW v_pack_load IS 'Evaluation pack data-quality appendix: the loads behind the current warehouse, rows in = loaded + rejected.';
