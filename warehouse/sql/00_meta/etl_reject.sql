-- model: etl_reject
-- grain: one row per rejected (or warned) input row and reason
-- key: load_id, line_no, reason_code
-- not_null: file_path, reason, severity
-- relationship: load_id -> etl_run.load_id
-- relationship: reason_code -> vocab_reject_reason.reason_code
-- accepted_values: severity in (error, warning)
CREATE TABLE IF NOT EXISTS etl_reject (
    load_id      INTEGER NOT NULL,
    file_path    VARCHAR NOT NULL,
    line_no      BIGINT NOT NULL,
    raw_text     VARCHAR,
    reason_code  VARCHAR NOT NULL,
    reason       VARCHAR NOT NULL,
    severity     VARCHAR NOT NULL
);
COMMENT ON TABLE etl_reject IS 'Input rows that were refused (severity error) or loaded with a warning, with the reason; nothing is dropped silently.';
COMMENT ON COLUMN etl_reject.line_no IS 'Physical line number in the input file (1 = header).';
COMMENT ON COLUMN etl_reject.raw_text IS 'The row as read, after decoding.';
COMMENT ON COLUMN etl_reject.reason_code IS 'Stable machine code, e.g. unknown_indicator, out_of_bounds: a row of vocab_reject_reason (its Chinese label and what to do).';
