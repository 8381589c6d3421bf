-- model: current_notice_progress
-- grain: table macro current_notice_progress(): one row per progress report on a task of the default notice (fact_task_progress's columns)
-- The marts, the pack and the collection round report on "the" notice: they read its rows through this macro, so the
-- default notice is chosen in one place (v_current_notice) and further notices never change their figures.
CREATE OR REPLACE MACRO current_notice_progress() AS TABLE
SELECT x.* FROM fact_task_progress x
WHERE x.notice_id IN (SELECT notice_id FROM v_current_notice);
