-- model: dim_notice
-- grain: one row per notice loaded into this warehouse, in its current version (superseded versions: dim_notice_history)
-- key: notice_id
-- not_null: notice_title, document_title, period_end_year, file_name, version, is_default
-- expression: period_start_year IS NULL OR period_start_year <= period_end_year
-- expression: version >= 1
-- expression: (SELECT count(*) FROM dim_notice WHERE is_default) <= 1
CREATE TABLE IF NOT EXISTS dim_notice (
    notice_title     VARCHAR NOT NULL,
    document_title   VARCHAR NOT NULL,
    period_end_year  INTEGER NOT NULL,
    file_name        VARCHAR NOT NULL,
    -- Added in schema version 8 (migration 008 appends them to older files and gives the seed notice its id).
    notice_id          VARCHAR NOT NULL,
    issuer             VARCHAR,
    area_code          VARCHAR,
    document_no        VARCHAR,
    issue_date         DATE,
    period_start_year  INTEGER,
    file_sha256        VARCHAR,
    loaded_at          TIMESTAMP,
    version            INTEGER NOT NULL DEFAULT 1,
    is_default         BOOLEAN NOT NULL DEFAULT false
);
COMMENT ON TABLE dim_notice IS 'The responsibility-division notices the tasks come from, one row each in its current version; the one with is_default (the seed notice, see v_current_notice) is the notice every report means when none is named.';
COMMENT ON COLUMN dim_notice.notice_title IS 'First line of the notice, e.g. …关于印发2018-2020年…责任分工的通知.';
COMMENT ON COLUMN dim_notice.document_title IS 'Title of the issued document, e.g. 2018-2020年西安市妇女儿童重点工作责任分工.';
COMMENT ON COLUMN dim_notice.period_end_year IS 'End of the period in the title; the deadline of targets that name no year.';
COMMENT ON COLUMN dim_notice.file_name IS 'File name of the notice text as loaded (no folder).';
COMMENT ON COLUMN dim_notice.notice_id IS 'Short readable key users type: area code and period (AREA-START-END), or the id the loader was given.';
COMMENT ON COLUMN dim_notice.issuer IS 'Issuing body: the signature above the date in the notice, else the title before 关于, else the issuer the loader was given.';
COMMENT ON COLUMN dim_notice.area_code IS 'GB/T 2260 code of the area the notice governs (as given to the loader, else read from the issuer); 000000 for a national notice.';
COMMENT ON COLUMN dim_notice.document_no IS 'Document number (发文字号, e.g. 市政妇儿发〔2018〕1号) when the notice states one.';
COMMENT ON COLUMN dim_notice.issue_date IS 'Issue date written under the signature, when the notice states one.';
COMMENT ON COLUMN dim_notice.period_start_year IS 'Start of the period in the title (2018 of 2018-2020年), when the title names a range.';
COMMENT ON COLUMN dim_notice.file_sha256 IS 'SHA-256 of the file loaded: a reload of the same bytes changes nothing, other bytes under the same id supersede.';
COMMENT ON COLUMN dim_notice.loaded_at IS 'When this version was loaded.';
COMMENT ON COLUMN dim_notice.version IS 'Version of the notice under its id, from 1; each changed file loaded under the id adds one (earlier ones in dim_notice_history).';
COMMENT ON COLUMN dim_notice.is_default IS 'True for the one notice reports mean when none is named (the seed notice); read it through v_current_notice.';
