-- model: v_current_notice
-- grain: one row: the default notice, the one every report, mart and pack view means when no notice is named
-- key: notice_id
CREATE OR REPLACE VIEW v_current_notice AS
SELECT notice_id, notice_title, document_title, issuer, area_code, period_start_year, period_end_year, version
FROM dim_notice
WHERE is_default;
COMMENT ON VIEW v_current_notice IS 'The default notice (dim_notice.is_default: the seed notice that the build loads). The workload, coverage, pack and collection views filter on it, so loading further notices never changes their figures; at most one notice is the default.';
COMMENT ON COLUMN v_current_notice.notice_id IS 'Key of the default notice (dim_notice.notice_id), AREA-START-END for the seed notice.';
COMMENT ON COLUMN v_current_notice.notice_title IS 'First line of the notice (dim_notice.notice_title).';
COMMENT ON COLUMN v_current_notice.document_title IS 'Title of the issued document (dim_notice.document_title).';
COMMENT ON COLUMN v_current_notice.issuer IS 'Issuing body (dim_notice.issuer).';
COMMENT ON COLUMN v_current_notice.area_code IS 'Area the notice governs (dim_notice.area_code).';
COMMENT ON COLUMN v_current_notice.period_start_year IS 'First year of its period (dim_notice.period_start_year).';
COMMENT ON COLUMN v_current_notice.period_end_year IS 'Last year of its period (dim_notice.period_end_year).';
COMMENT ON COLUMN v_current_notice.version IS 'Its current version (dim_notice.version).';
