-- Same shape as the view v_unit_task_role, over the 2018-2020 division of work (the default notice's assignments), with
-- each unit under the name plan_unit_rename gives it in scenario $rename_scenario_id (bind '' for the names as
-- written in 2018), so a renamed unit's 2018-2020 load is compared with its successor's planned load.
WITH renamed AS (
    SELECT coalesce(r.successor_name, a.unit_name) AS unit_name, a.task_no, a.role
    FROM current_notice_assignment() a
    LEFT JOIN plan_unit_rename r ON r.scenario_id = $rename_scenario_id AND r.unit_name = a.unit_name
)
SELECT n.unit_name, n.task_no, t.chapter_no,
       CASE WHEN bool_or(n.role = 'lead') THEN 'lead' ELSE 'responsible' END AS role,
       coalesce(bool_or(u.is_collective), false) AS is_collective
FROM renamed n
JOIN current_notice_task() t USING (task_no)
LEFT JOIN dim_unit u USING (unit_name)
GROUP BY n.unit_name, n.task_no, t.chapter_no
