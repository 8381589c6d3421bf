-- The notices a comparison can name, with what the report says about each.
SELECT notice_id, document_title, period_start_year, period_end_year, is_default
FROM dim_notice
ORDER BY notice_id
