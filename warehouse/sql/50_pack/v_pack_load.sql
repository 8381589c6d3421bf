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
COMMENT ON COLUMN v_pack_load.load_id IS 'The ETL run (etl_run.load_id).';
COMMENT ON COLUMN v_pack_load.job IS 'ETL job of the run: seed_areas, seed_units, seed_indicators, seed_targets, notice, synthetic_history, synthetic_revisions, synthetic_progress, or observations (a loaded indicator file).';
COMMENT ON COLUMN v_pack_load.file_name IS 'Input file name without its folder (null for generated data).';
COMMENT ON COLUMN v_pack_load.sha256_prefix IS 'First 12 hex digits of the input file''s SHA-256 (null for generated data).';
COMMENT ON COLUMN v_pack_load.rows_in IS 'Data rows read (header excluded); rows_in = rows_loaded + rows_rejected.';
COMMENT ON COLUMN v_pack_load.rows_loaded IS 'Rows that reached the warehouse.';
COMMENT ON COLUMN v_pack_load.rows_rejected IS 'Rows refused and recorded in etl_reject.';
COMMENT ON COLUMN v_pack_load.rows_warned IS 'Loaded rows that carry a warning in etl_reject (severity warning).';
