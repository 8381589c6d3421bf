-- model: dim_task
-- grain: one row per notice x numbered task
-- key: notice_id, task_no
-- not_null: chapter_no, task_text
-- relationship: notice_id, chapter_no -> dim_chapter.notice_id, chapter_no
-- relationship: notice_id -> dim_notice.notice_id
-- expression: line_from <= line_to
CREATE TABLE IF NOT EXISTS dim_task (
    task_no     INTEGER NOT NULL,
    chapter_no  INTEGER NOT NULL,
    task_text   VARCHAR NOT NULL,
    line_from   INTEGER NOT NULL,
    line_to     INTEGER NOT NULL,
    -- Added in schema version 8 (migration 008 appends it to older files, filled with the seed notice's id).
    notice_id   VARCHAR NOT NULL
);
COMMENT ON TABLE dim_task IS 'The numbered tasks of each notice; a task keeps its number within its notice; a task broken across paragraphs is one row.';
COMMENT ON COLUMN dim_task.task_text IS 'Task text without its number and unit clause.';
COMMENT ON COLUMN dim_task.line_from IS 'First line of the task in the notice file (1-based).';
COMMENT ON COLUMN dim_task.line_to IS 'Last line of the task in the notice file (1-based).';
COMMENT ON COLUMN dim_task.task_no IS 'Number of the task within its notice.';
COMMENT ON COLUMN dim_task.notice_id IS 'Notice the task belongs to (dim_notice.notice_id).';
