-- model: v_pack_status_by_chapter
-- grain: one row per as-of year x chapter x status, city-level targets only
-- key: as_of_year, chapter_no, status
-- not_null: n
CREATE OR REPLACE VIEW v_pack_status_by_chapter AS
SELECT s.as_of_year, s.chapter_no, coalesce(c.title, '(未关联任务)') AS chapter_title, s.status, count(*) AS n
FROM v_pack_indicator_status s
LEFT JOIN dim_chapter c USING (chapter_no)
WHERE s.is_city
GROUP BY ALL;
COMMENT ON VIEW v_pack_status_by_chapter IS 'Evaluation pack: city-level targets by chapter and forecast status.';
