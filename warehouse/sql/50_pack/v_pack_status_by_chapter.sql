-- model: v_pack_status_by_chapter
-- grain: one row per as-of year x chapter x status, city-level targets only
-- key: as_of_year, chapter_no, status
-- not_null: n
CREATE OR REPLACE VIEW v_pack_status_by_chapter AS
SELECT s.as_of_year, coalesce(s.chapter_no, 0) AS chapter_no, coalesce(c.title, '(未关联任务)') AS chapter_title, s.shown_status AS status, count(*) AS n
FROM v_eval_attainment s
LEFT JOIN current_notice_chapter() c USING (chapter_no)
WHERE s.is_city
GROUP BY ALL;
COMMENT ON VIEW v_pack_status_by_chapter IS 'Evaluation pack: city-level targets by chapter and the status shown (forecast before the deadline, verdict at or after it).';
COMMENT ON COLUMN v_pack_status_by_chapter.as_of_year IS 'Only observations up to this year were used by the forecast (wcc forecast --as-of).';
COMMENT ON COLUMN v_pack_status_by_chapter.chapter_no IS 'Chapter of the target''s task; 0 when the target is linked to no task (a national target the notice does not assign).';
COMMENT ON COLUMN v_pack_status_by_chapter.chapter_title IS 'Chapter heading, or (未关联任务) when the target is linked to no task.';
COMMENT ON COLUMN v_pack_status_by_chapter.status IS 'The status shown, a label of vocab_status: the forecast status before the deadline, the final verdict at or after it.';
COMMENT ON COLUMN v_pack_status_by_chapter.n IS 'City-level target series with this status.';
