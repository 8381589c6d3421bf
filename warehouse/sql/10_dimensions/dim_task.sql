-- model: dim_task
-- grain: one row per numbered task of the notice
-- key: task_no
-- not_null: chapter_no, task_text
-- relationship: chapter_no -> dim_chapter.chapter_no
-- expression: line_from <= line_to
CREATE TABLE IF NOT EXISTS dim_task (
    task_no     INTEGER NOT NULL,
    chapter_no  INTEGER NOT NULL,
    task_text   VARCHAR NOT NULL,
    line_from   INTEGER NOT NULL,
    line_to     INTEGER NOT NULL
);
COMMENT ON TABLE dim_task IS 'The numbered tasks of the notice; a task broken across paragraphs is one row.';
COMMENT ON COLUMN dim_task.task_text IS 'Task text without its number and unit clause.';
COMMENT ON COLUMN dim_task.line_from IS 'First line of the task in the notice file (1-based).';
COMMENT ON COLUMN dim_task.line_to IS 'Last line of the task in the notice file (1-based).';
