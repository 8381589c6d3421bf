-- Same shape as the view v_unit_task_role (unit_name, task_no, chapter_no, role, is_collective), over one
-- scenario's proposed division of work: plan_assignment for $scenario_id, numbered as in the draft notice.
-- The plan workload queries bind it as `v_unit_task_role` so Workload/queries/unit_workload_weighted.sql runs unchanged.
SELECT a.unit_name, a.plan_task_no AS task_no, t.chapter_no,
       CASE WHEN bool_or(a.role = 'lead') THEN 'lead' ELSE 'responsible' END AS role,
       bool_or(a.is_collective) AS is_collective
FROM plan_assignment a
JOIN plan_task t ON t.scenario_id = a.scenario_id AND t.plan_task_no = a.plan_task_no
WHERE a.scenario_id = $scenario_id
GROUP BY a.unit_name, a.plan_task_no, t.chapter_no
