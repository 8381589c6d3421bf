-- model: vocab_progress_status
-- grain: one row per status a unit may report for a task's yearly progress
-- key: status_code
-- unique: label_zh
-- unique: form_order
-- unique: severity
-- not_null: form_order, severity, label_zh, label_en, is_behind, is_complete
-- Rows come from seeds/vocabulary/progress_statuses.csv (ProgressStatusVocabulary.Store, on every schema refresh): the
-- only definition of the labels; views join this table instead of writing a label.
CREATE TABLE IF NOT EXISTS vocab_progress_status (
    status_code VARCHAR NOT NULL,
    form_order  INTEGER NOT NULL,
    severity    INTEGER NOT NULL,
    label_zh    VARCHAR NOT NULL,
    label_en    VARCHAR NOT NULL,
    is_behind   BOOLEAN NOT NULL,
    is_complete BOOLEAN NOT NULL
);
COMMENT ON TABLE vocab_progress_status IS 'The progress-status vocabulary, defined once (seeds/vocabulary/progress_statuses.csv): what a unit reports for a task each year, in form order, with how bad each is.';
COMMENT ON COLUMN vocab_progress_status.status_code IS 'Stable English code, e.g. lagging.';
COMMENT ON COLUMN vocab_progress_status.form_order IS 'Position in the forms'' drop-down list.';
COMMENT ON COLUMN vocab_progress_status.severity IS 'How far behind the report says the task is (higher is worse); a task shows the worst status any unit reported.';
COMMENT ON COLUMN vocab_progress_status.label_zh IS 'The Chinese label units choose and every output prints.';
COMMENT ON COLUMN vocab_progress_status.label_en IS 'English gloss.';
COMMENT ON COLUMN vocab_progress_status.is_behind IS 'True when the report says the task is behind (counted as units behind).';
COMMENT ON COLUMN vocab_progress_status.is_complete IS 'True when the report says the task is complete (a lead unit then gives a completion date).';
