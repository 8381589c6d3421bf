-- model: current_notice_task
-- grain: table macro current_notice_task(): one row per task of the default notice (dim_task's columns)
-- The marts, the pack and the collection round report on "the" notice: they read its rows through this macro, so the
-- default notice is chosen in one place (v_current_notice) and further notices never change their figures.
CREATE OR REPLACE MACRO current_notice_task() AS TABLE
SELECT x.* FROM dim_task x
WHERE x.notice_id IN (SELECT notice_id FROM v_current_notice);
