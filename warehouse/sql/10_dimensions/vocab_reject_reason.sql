-- model: vocab_reject_reason
-- grain: one row per reason a loader refuses an input row or loads it with a warning
-- key: reason_code
-- unique: label_zh
-- not_null: sort_order, label_zh, label_en, action_zh
-- Rows come from seeds/vocabulary/reject_reasons.csv (RejectReasonVocabulary.Seed, on every schema refresh): the only
-- definition of the reasons' Chinese labels and remedies; etl_reject.reason_code holds the code.
CREATE TABLE IF NOT EXISTS vocab_reject_reason (
    reason_code VARCHAR NOT NULL,
    sort_order  INTEGER NOT NULL,
    label_zh    VARCHAR NOT NULL,
    label_en    VARCHAR NOT NULL,
    action_zh   VARCHAR NOT NULL
);
COMMENT ON TABLE vocab_reject_reason IS 'The reject-reason vocabulary, defined once (seeds/vocabulary/reject_reasons.csv): why an input row was refused or warned, and what to do.';
COMMENT ON COLUMN vocab_reject_reason.reason_code IS 'Stable code stored in etl_reject.reason_code, e.g. unknown_indicator, out_of_bounds.';
COMMENT ON COLUMN vocab_reject_reason.sort_order IS 'Position as lists show the reasons (observation files, progress ledgers, then the notice).';
COMMENT ON COLUMN vocab_reject_reason.label_zh IS 'The reason in Chinese, as messages and the pack print it.';
COMMENT ON COLUMN vocab_reject_reason.label_en IS 'English gloss.';
COMMENT ON COLUMN vocab_reject_reason.action_zh IS 'What the sender of the file should do about such a row, in Chinese.';
