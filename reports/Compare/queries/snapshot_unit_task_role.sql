-- Same shape as the view v_unit_task_role (unit_name, task_no, chapter_no, role, is_collective), over a notice held
-- in memory: its assignments arrive as one JSON parameter, $roles (a list of {unit_name, task_no, chapter_no, role}),
-- under the names of the later cycle. Bound as `v_unit_task_role` around the warehouse's table macro unit_workload,
-- so a notice's workload is the project's one formula. The caller renames $roles per side (from / to).
WITH assigned AS (
    SELECT unnest(from_json($roles, '[{"unit_name":"VARCHAR","task_no":"INTEGER","chapter_no":"INTEGER","role":"VARCHAR"}]'), recursive := true)
)
SELECT a.unit_name, a.task_no, a.chapter_no,
       CASE WHEN bool_or(a.role = 'lead') THEN 'lead' ELSE 'responsible' END AS role,
       coalesce(bool_or(u.is_collective), false) AS is_collective
FROM assigned a
LEFT JOIN dim_unit u USING (unit_name)
GROUP BY a.unit_name, a.task_no, a.chapter_no
