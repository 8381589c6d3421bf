-- The tasks of notice $notice_id with their chapter's title, in task order.
SELECT t.task_no, t.chapter_no, coalesce(c.title, '') AS chapter_title, t.task_text
FROM dim_task t
LEFT JOIN dim_chapter c ON c.notice_id = t.notice_id AND c.chapter_no = t.chapter_no
WHERE t.notice_id = $notice_id
ORDER BY t.task_no
