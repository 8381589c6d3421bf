-- model: vocab_status
-- grain: one row per status of the one vocabulary: forecast statuses (before a target's deadline) and final verdicts (at or after it)
-- key: status_code
-- unique: label_zh
-- not_null: phase, sort_order, label_zh, label_en, css_class, colour, counts_as_attained, rule_zh
-- accepted_values: phase in (forecast, final)
-- expression: p_met_min IS NULL OR p_met_below IS NULL OR p_met_min < p_met_below
-- expression: tolerance IS NULL OR (tolerance > 0 AND tolerance < 1)
-- Rows come from seeds/vocabulary/statuses.csv (StatusVocabulary.Store, on every migration): the only definition of
-- the labels and thresholds; views join this table instead of writing a label.
CREATE TABLE IF NOT EXISTS vocab_status (
    status_code        VARCHAR NOT NULL,
    phase              VARCHAR NOT NULL,
    sort_order         INTEGER NOT NULL,
    label_zh           VARCHAR NOT NULL,
    label_en           VARCHAR NOT NULL,
    css_class          VARCHAR NOT NULL,
    colour             VARCHAR NOT NULL,
    p_met_min          DOUBLE,
    p_met_below        DOUBLE,
    tolerance          DOUBLE,
    counts_as_attained BOOLEAN NOT NULL,
    rule_zh            VARCHAR NOT NULL
);
COMMENT ON TABLE vocab_status IS 'The status vocabulary, defined once (seeds/vocabulary/statuses.csv): forecast statuses with their P(met) thresholds, final verdicts with the tolerance of the basically-attained verdict, their order, CSS class, colour and Chinese rule.';
COMMENT ON COLUMN vocab_status.status_code IS 'Stable English code, e.g. on_track, attained, basically_attained.';
COMMENT ON COLUMN vocab_status.phase IS 'forecast: before the target''s deadline (how likely it is to be met); final: at or after it (whether it was met).';
COMMENT ON COLUMN vocab_status.sort_order IS 'Position within the phase, as tables and legends list the statuses.';
COMMENT ON COLUMN vocab_status.label_zh IS 'The Chinese label every output prints.';
COMMENT ON COLUMN vocab_status.label_en IS 'English gloss.';
COMMENT ON COLUMN vocab_status.css_class IS 'CSS class of the status in the pack (its colour rule is generated from colour).';
COMMENT ON COLUMN vocab_status.colour IS 'Colour of the status in the pack and charts (hex).';
COMMENT ON COLUMN vocab_status.p_met_min IS 'Forecast statuses: lowest P(met) earning the status (inclusive); null when unbounded below.';
COMMENT ON COLUMN vocab_status.p_met_below IS 'Forecast statuses: P(met) must be below this; null when unbounded above.';
COMMENT ON COLUMN vocab_status.tolerance IS 'Basically attained: the share of the baseline-to-target distance a final value may still miss the target by.';
COMMENT ON COLUMN vocab_status.counts_as_attained IS 'True when the attainment rate counts the status as attained.';
COMMENT ON COLUMN vocab_status.rule_zh IS 'The rule in Chinese with its numbers filled in from this row (what the pack''s method text prints).';
