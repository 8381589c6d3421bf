-- The quantified targets read from the task text of notice $notice_id, in task and phrase order.
SELECT task_no, comparator, target_value, unit_of_measure, deadline_year, phrase
FROM fact_task_target
WHERE notice_id = $notice_id
ORDER BY task_no, target_ordinal
