-- model: dim_collection_round
-- grain: one row per collection round (the reporting year whose figures the units are asked for)
-- key: round_year
-- not_null: deadline, sent_at, history_is_synthetic
CREATE TABLE IF NOT EXISTS dim_collection_round (
    round_year            INTEGER NOT NULL,
    deadline              DATE NOT NULL,
    sent_at               TIMESTAMP NOT NULL,
    history_is_synthetic  BOOLEAN NOT NULL
);
COMMENT ON TABLE dim_collection_round IS 'Collection rounds sent to the member units by the collection round: the year reported on and the deadline printed on the forms.';
COMMENT ON COLUMN dim_collection_round.round_year IS 'The year the figures refer to (round 2020 collects the 2020 values).';
COMMENT ON COLUMN dim_collection_round.deadline IS 'Deadline printed on the forms; a unit that has not returned by then is late.';
COMMENT ON COLUMN dim_collection_round.sent_at IS 'When the templates were (last) written (UTC).';
COMMENT ON COLUMN dim_collection_round.history_is_synthetic IS 'True when the prefilled history on the forms included synthetic values (the forms say so).';
