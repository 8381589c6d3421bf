-- model: fact_collection_cell
-- grain: one row per cell read from a returned workbook (a value of 指标数据 or a status of 任务进展), per load
-- key: load_id, sheet_name, cell_ref
-- not_null: round_year, unit_name, item_kind, outcome
-- relationship: load_id -> fact_collection_submission.load_id
-- accepted_values: outcome in (loaded, returned, rejected, empty, missing)
-- accepted_values: item_kind in (indicator, progress)
-- expression: outcome NOT IN ('returned', 'rejected', 'missing') OR (rule_code IS NOT NULL AND message_zh IS NOT NULL)
CREATE TABLE IF NOT EXISTS fact_collection_cell (
    load_id         INTEGER NOT NULL,
    round_year      INTEGER NOT NULL,
    unit_name       VARCHAR NOT NULL,
    sheet_name      VARCHAR NOT NULL,
    cell_ref        VARCHAR NOT NULL,
    item_kind       VARCHAR NOT NULL,
    item_key        VARCHAR,
    indicator_code  VARCHAR,
    area_code       VARCHAR,
    sex             VARCHAR,
    task_no         INTEGER,
    raw_text        VARCHAR,
    value           DOUBLE,
    explanation     VARCHAR,
    data_source     VARCHAR,
    outcome         VARCHAR NOT NULL,
    rule_code       VARCHAR,
    message_zh      VARCHAR,
    action_zh       VARCHAR
);
COMMENT ON TABLE fact_collection_cell IS 'The audit trail of every return: each cell read, what it said, and whether it was loaded, returned for an explanation, rejected, or recorded as empty with its reason.';
COMMENT ON COLUMN fact_collection_cell.sheet_name IS 'Sheet the cell was read from, as named in the returned file (a clerk may rename it).';
COMMENT ON COLUMN fact_collection_cell.cell_ref IS 'A1-style address of the value (or status) cell.';
COMMENT ON COLUMN fact_collection_cell.raw_text IS 'The cell as read, before normalisation (a narrative that looks like a formula is kept as text).';
COMMENT ON COLUMN fact_collection_cell.value IS 'The number read, in the indicator''s unit (98% is 98 for a % indicator).';
COMMENT ON COLUMN fact_collection_cell.explanation IS 'The unit''s 说明 (or, for progress, 进展情况) text.';
COMMENT ON COLUMN fact_collection_cell.data_source IS 'The data source the unit names for the value (数据来源 column), e.g. 2020年教育统计年报.';
COMMENT ON COLUMN fact_collection_cell.rule_code IS 'Audit rule that held the cell back, e.g. out_of_bounds, yoy_change, copy_paste.';
COMMENT ON COLUMN fact_collection_cell.message_zh IS 'What is wrong, in Chinese, as printed on the 审核结果 sheet.';
COMMENT ON COLUMN fact_collection_cell.action_zh IS 'What the unit should do, in Chinese.';
