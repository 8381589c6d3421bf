-- model: v_collection_status
-- grain: one row per collection round x reporting unit
-- key: round_year, unit_name
-- not_null: cells_owed, status
-- accepted_values: status in (未报送, 已报送待审核, 退回修改, 已通过)
-- expression: cells_received + cells_missing = cells_owed
CREATE OR REPLACE VIEW v_collection_status AS
WITH owed AS (
    SELECT round_year, unit_name, item_key FROM fact_collection_owed
),
current_submission AS (
    SELECT * FROM fact_collection_submission WHERE is_current
),
submissions AS (
    SELECT round_year, unit_name, min(submitted_at) AS first_submission, max(submitted_at) AS last_submission,
           count(*) AS returns
    FROM fact_collection_submission GROUP BY ALL
),
current_cells AS (
    SELECT c.round_year, c.unit_name, c.item_key, c.outcome,
           c.outcome = 'empty' OR (c.outcome = 'loaded' AND c.rule_code IS NOT NULL) AS needs_review
    FROM fact_collection_cell c JOIN current_submission s USING (load_id)
),
per_item AS (
    SELECT o.round_year, o.unit_name, o.item_key, c.outcome, c.needs_review
    FROM owed o
    LEFT JOIN current_cells c ON c.round_year = o.round_year AND c.unit_name = o.unit_name AND c.item_key = o.item_key
),
counts AS (
    SELECT round_year, unit_name,
           count(*) AS cells_owed,
           count(*) FILTER (WHERE outcome IN ('loaded', 'returned', 'rejected', 'empty')) AS cells_received,
           count(*) FILTER (WHERE outcome IN ('loaded', 'empty')) AS cells_accepted,
           count(*) FILTER (WHERE outcome = 'returned') AS cells_returned,
           count(*) FILTER (WHERE outcome = 'rejected') AS cells_rejected,
           count(*) FILTER (WHERE outcome IS NULL OR outcome = 'missing') AS cells_missing,
           count(*) FILTER (WHERE needs_review) AS cells_explained
    FROM per_item GROUP BY ALL
),
final AS (
    SELECT c.*, s.first_submission, s.last_submission, coalesce(s.returns, 0) AS returns, r.deadline,
           CASE
               WHEN s.returns IS NULL THEN '未报送'
               WHEN c.cells_returned + c.cells_rejected + c.cells_missing > 0 THEN '退回修改'
               WHEN c.cells_explained > 0 THEN '已报送待审核'
               ELSE '已通过'
           END AS status,
           s.first_submission IS NOT NULL AND CAST(s.first_submission AS DATE) > r.deadline AS submitted_late,
           CASE WHEN c.cells_owed = 0 THEN NULL ELSE c.cells_accepted / c.cells_owed END AS reporting_rate
    FROM counts c
    LEFT JOIN submissions s USING (round_year, unit_name)
    LEFT JOIN dim_collection_round r USING (round_year)
)
SELECT * FROM final;
COMMENT ON VIEW v_collection_status IS 'Submission tracking per round and reporting unit: what it owes, what arrived, what passed the audit, and its status (未报送 not returned; 退回修改 cells returned, rejected or still missing; 已报送待审核 every cell accepted but some only on the unit''s explanation (an explained anomaly, or a value left empty with a reason), which the office reviews; 已通过 every cell accepted without one).';
COMMENT ON COLUMN v_collection_status.round_year IS 'The collection round (the year reported on).';
COMMENT ON COLUMN v_collection_status.unit_name IS 'The reporting unit (dim_unit.unit_name).';
COMMENT ON COLUMN v_collection_status.cells_owed IS 'Items on the unit''s form: indicator values and task progress rows.';
COMMENT ON COLUMN v_collection_status.cells_received IS 'Owed items its current return filled in (with a value, or empty with a reason).';
COMMENT ON COLUMN v_collection_status.cells_accepted IS 'Owed items loaded, or recorded empty with the unit''s reason.';
COMMENT ON COLUMN v_collection_status.cells_returned IS 'Owed items returned for an explanation (soft audit rule).';
COMMENT ON COLUMN v_collection_status.cells_rejected IS 'Owed items refused by a hard audit rule.';
COMMENT ON COLUMN v_collection_status.cells_missing IS 'Owed items not (yet) returned, or left empty without a reason.';
COMMENT ON COLUMN v_collection_status.cells_explained IS 'Accepted owed items that rest on the unit''s explanation (说明): an explained soft-rule anomaly or an empty value with its reason.';
COMMENT ON COLUMN v_collection_status.first_submission IS 'When the unit''s first return of the round was loaded (UTC).';
COMMENT ON COLUMN v_collection_status.last_submission IS 'When its latest return was loaded (UTC).';
COMMENT ON COLUMN v_collection_status.returns IS 'How many workbooks the unit returned for the round.';
COMMENT ON COLUMN v_collection_status.deadline IS 'The round''s deadline (dim_collection_round).';
COMMENT ON COLUMN v_collection_status.status IS '未报送, 已报送待审核, 退回修改 or 已通过 (see the view comment).';
COMMENT ON COLUMN v_collection_status.submitted_late IS 'True when the first return arrived after the deadline.';
COMMENT ON COLUMN v_collection_status.reporting_rate IS 'cells_accepted / cells_owed (0-1).';
