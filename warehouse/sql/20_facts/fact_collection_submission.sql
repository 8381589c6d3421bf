-- model: fact_collection_submission
-- grain: one row per returned workbook loaded (a unit's return for a round; a later return supersedes the earlier)
-- key: load_id
-- not_null: round_year, unit_name, file_sha256, submitted_at, is_current
-- relationship: load_id -> etl_run.load_id
-- relationship: round_year -> dim_collection_round.round_year
-- relationship: unit_name -> dim_unit.unit_name
-- expression: cells_read = cells_loaded + cells_returned + cells_rejected + cells_empty + cells_missing
CREATE TABLE IF NOT EXISTS fact_collection_submission (
    load_id         INTEGER NOT NULL,
    round_year      INTEGER NOT NULL,
    unit_name       VARCHAR NOT NULL,
    file_path       VARCHAR,
    file_sha256     VARCHAR NOT NULL,
    submitted_at    TIMESTAMP NOT NULL,
    cells_read      BIGINT NOT NULL,
    cells_loaded    BIGINT NOT NULL,
    cells_returned  BIGINT NOT NULL,
    cells_rejected  BIGINT NOT NULL,
    cells_empty     BIGINT NOT NULL,
    cells_missing   BIGINT NOT NULL,
    is_current      BOOLEAN NOT NULL
);
COMMENT ON TABLE fact_collection_submission IS 'Every returned workbook loaded by the collection intake, with its reconciliation: cells read = loaded + returned + rejected + empty + missing.';
COMMENT ON COLUMN fact_collection_submission.submitted_at IS 'When the return was loaded (UTC): the office''s receipt time.';
COMMENT ON COLUMN fact_collection_submission.cells_loaded IS 'Cells that passed the audit and reached fact_observation or fact_task_progress.';
COMMENT ON COLUMN fact_collection_submission.cells_returned IS 'Cells held back by a soft rule without an explanation (说明): returned to the unit.';
COMMENT ON COLUMN fact_collection_submission.cells_rejected IS 'Cells refused by a hard rule (not a number, out of bounds, unknown key …).';
COMMENT ON COLUMN fact_collection_submission.cells_empty IS 'Cells left empty with the unit''s stated reason (说明).';
COMMENT ON COLUMN fact_collection_submission.cells_missing IS 'Cells left empty without a reason.';
COMMENT ON COLUMN fact_collection_submission.is_current IS 'True for the unit''s latest return of the round.';
