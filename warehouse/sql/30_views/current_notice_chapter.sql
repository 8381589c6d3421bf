-- model: current_notice_chapter
-- grain: table macro current_notice_chapter(): one row per chapter of the default notice (dim_chapter's columns)
-- The marts, the pack and the collection round report on "the" notice: they read its rows through this macro, so the
-- default notice is chosen in one place (v_current_notice) and further notices never change their figures.
CREATE OR REPLACE MACRO current_notice_chapter() AS TABLE
SELECT x.* FROM dim_chapter x
WHERE x.notice_id IN (SELECT notice_id FROM v_current_notice);
