-- model: dim_chapter
-- grain: one row per notice x chapter (一、二、…)
-- key: notice_id, chapter_no
-- not_null: title
-- relationship: notice_id -> dim_notice.notice_id
CREATE TABLE IF NOT EXISTS dim_chapter (
    chapter_no  INTEGER NOT NULL,
    title       VARCHAR NOT NULL,
    line_no     INTEGER,
    -- Added in schema version 8 (migration 008 appends it to older files, filled with the seed notice's id).
    notice_id   VARCHAR NOT NULL
);
COMMENT ON TABLE dim_chapter IS 'Chapters of each notice, numbered in document order within it.';
COMMENT ON COLUMN dim_chapter.title IS 'Chapter heading without its numeral, as written.';
COMMENT ON COLUMN dim_chapter.line_no IS 'Line of the heading in the notice file (1-based).';
COMMENT ON COLUMN dim_chapter.notice_id IS 'Notice the chapter belongs to (dim_notice.notice_id).';
