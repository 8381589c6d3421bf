-- model: v_pack_reject_summary
-- grain: one row per load x reason code x severity
-- key: load_id, reason_code, severity
-- not_null: n
CREATE OR REPLACE VIEW v_pack_reject_summary AS
SELECT r.load_id, e.job, regexp_extract(r.file_path, '[^/]*$') AS file_name, r.reason_code, r.severity,
       count(*) AS n, min(r.line_no) AS first_line, arg_min(r.reason, r.line_no) AS example_reason
FROM etl_reject r
JOIN etl_run e USING (load_id)
GROUP BY ALL;
COMMENT ON VIEW v_pack_reject_summary IS 'Evaluation pack: rejected (error) and warned (warning) input rows by reason, with the first line as an example.';
