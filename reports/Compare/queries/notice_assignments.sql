-- Lead and responsible units of every task of notice $notice_id, in the order the notice writes them.
SELECT task_no, unit_name, role
FROM fact_task_assignment
WHERE notice_id = $notice_id
ORDER BY task_no, role, ordinal
