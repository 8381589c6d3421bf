-- model: dim_chapter
-- grain: one row per chapter (一、二、…) of the responsibility-division notice
-- key: chapter_no
-- not_null: title
CREATE TABLE IF NOT EXISTS dim_chapter (
    chapter_no  INTEGER NOT NULL,
    title       VARCHAR NOT NULL,
    line_no     INTEGER
);
COMMENT ON TABLE dim_chapter IS 'Chapters of the 2018-2020 key-work notice, numbered in document order.';
COMMENT ON COLUMN dim_chapter.title IS 'Chapter heading without its numeral, as written.';
COMMENT ON COLUMN dim_chapter.line_no IS 'Line of the heading in the notice file (1-based).';
