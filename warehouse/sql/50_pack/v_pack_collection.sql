-- model: v_pack_collection
-- grain: one row per reporting unit of the latest collection round (empty until a round is sent)
-- key: unit_name
-- not_null: round_year, cells_owed, status
CREATE OR REPLACE VIEW v_pack_collection AS
WITH latest AS (
    SELECT max(round_year) AS round_year FROM dim_collection_round
),
final AS (
    SELECT s.round_year, s.unit_name, s.cells_owed, s.cells_received, s.cells_accepted, s.cells_returned, s.cells_rejected,
           s.cells_missing, s.reporting_rate, s.status, s.deadline, s.first_submission, s.last_submission, s.submitted_late,
           s.cells_owed - s.cells_accepted AS cells_outstanding
    FROM v_collection_status s JOIN latest USING (round_year)
)
SELECT * FROM final;
COMMENT ON VIEW v_pack_collection IS 'Evaluation pack 报送情况: each reporting unit''s return in the latest collection round (v_collection_status).';
COMMENT ON COLUMN v_pack_collection.round_year IS 'The latest collection round (dim_collection_round).';
COMMENT ON COLUMN v_pack_collection.unit_name IS 'The reporting unit (dim_unit.unit_name).';
COMMENT ON COLUMN v_pack_collection.cells_owed IS 'Items on the unit''s form (values and task progress rows).';
COMMENT ON COLUMN v_pack_collection.cells_received IS 'Owed items its current return filled in.';
COMMENT ON COLUMN v_pack_collection.cells_accepted IS 'Owed items loaded or recorded empty with a reason.';
COMMENT ON COLUMN v_pack_collection.cells_returned IS 'Owed items returned for an explanation.';
COMMENT ON COLUMN v_pack_collection.cells_rejected IS 'Owed items refused by a hard audit rule.';
COMMENT ON COLUMN v_pack_collection.cells_missing IS 'Owed items not returned, or empty without a reason.';
COMMENT ON COLUMN v_pack_collection.reporting_rate IS 'cells_accepted / cells_owed (0-1).';
COMMENT ON COLUMN v_pack_collection.status IS '未报送, 已报送待审核, 退回修改 or 已通过.';
COMMENT ON COLUMN v_pack_collection.deadline IS 'The round''s deadline.';
COMMENT ON COLUMN v_pack_collection.first_submission IS 'First return loaded (UTC).';
COMMENT ON COLUMN v_pack_collection.last_submission IS 'Latest return loaded (UTC).';
COMMENT ON COLUMN v_pack_collection.submitted_late IS 'True when the first return came after the deadline.';
COMMENT ON COLUMN v_pack_collection.cells_outstanding IS 'Owed items not yet accepted: what the unit still owes.';
