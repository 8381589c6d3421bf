-- model: v_pack_reject_summary
-- grain: one row per load x reason code x severity
-- key: load_id, reason_code, severity
-- not_null: n
CREATE OR REPLACE VIEW v_pack_reject_summary AS
SELECT r.load_id, e.job, regexp_extract(r.file_path, '[^/]*$') AS file_name, r.reason_code, v.label_zh AS reason_zh,
       v.action_zh, r.severity, count(*) AS n, min(r.line_no) AS first_line, arg_min(r.reason, r.line_no) AS example_reason
FROM etl_reject r
JOIN etl_run e USING (load_id)
-- LEFT: a code missing from the vocabulary still shows here (and fails etl_reject's relationship test).
LEFT JOIN vocab_reject_reason v USING (reason_code)
GROUP BY ALL;
COMMENT ON VIEW v_pack_reject_summary IS 'Evaluation pack: rejected (error) and warned (warning) input rows by reason, with the first line as an example.';
COMMENT ON COLUMN v_pack_reject_summary.load_id IS 'The ETL run (etl_run.load_id).';
COMMENT ON COLUMN v_pack_reject_summary.job IS 'ETL job of the run: seed_areas, seed_units, seed_indicators, seed_targets, notice, synthetic_history, synthetic_revisions, synthetic_progress, or observations (a loaded indicator file).';
COMMENT ON COLUMN v_pack_reject_summary.file_name IS 'Input file name without its folder (null for generated data).';
COMMENT ON COLUMN v_pack_reject_summary.reason_code IS 'Stable machine code of the reason, e.g. unknown_indicator, out_of_bounds.';
COMMENT ON COLUMN v_pack_reject_summary.reason_zh IS 'The reason in Chinese (vocab_reject_reason.label_zh).';
COMMENT ON COLUMN v_pack_reject_summary.action_zh IS 'What to do about such rows, in Chinese (vocab_reject_reason.action_zh).';
COMMENT ON COLUMN v_pack_reject_summary.severity IS 'error (row refused) or warning (row loaded with a warning).';
COMMENT ON COLUMN v_pack_reject_summary.n IS 'Input rows with this reason.';
COMMENT ON COLUMN v_pack_reject_summary.first_line IS 'First physical line with this reason (1 = header).';
COMMENT ON COLUMN v_pack_reject_summary.example_reason IS 'The message given for first_line.';
