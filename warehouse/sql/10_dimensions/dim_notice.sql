-- model: dim_notice
-- grain: one row: the responsibility-division notice loaded into this warehouse
-- key: notice_title
-- not_null: document_title, period_end_year, file_name
CREATE TABLE IF NOT EXISTS dim_notice (
    notice_title     VARCHAR NOT NULL,
    document_title   VARCHAR NOT NULL,
    period_end_year  INTEGER NOT NULL,
    file_name        VARCHAR NOT NULL
);
COMMENT ON TABLE dim_notice IS 'The notice the tasks come from: its title, the title of the document it issues, and the end of the period it covers.';
COMMENT ON COLUMN dim_notice.notice_title IS 'First line of the notice, e.g. …关于印发2018-2020年…责任分工的通知.';
COMMENT ON COLUMN dim_notice.document_title IS 'Title of the issued document, e.g. 2018-2020年西安市妇女儿童重点工作责任分工.';
COMMENT ON COLUMN dim_notice.period_end_year IS 'End of the period in the title; the deadline of targets that name no year.';
