-- model: fact_collection_owed
-- grain: one row per round x reporting unit x item the unit owes (an indicator x area x sex value, or a task progress report)
-- key: round_year, unit_name, item_key
-- not_null: item_kind
-- accepted_values: item_kind in (indicator, progress)
-- accepted_values: role in (lead, responsible)
-- relationship: round_year -> dim_collection_round.round_year
-- relationship: unit_name -> dim_unit.unit_name
-- relationship: indicator_code -> dim_indicator.indicator_code
-- relationship: area_code -> dim_area.area_code
-- relationship: task_no -> dim_task.task_no
-- expression: (item_kind = 'indicator') = (indicator_code IS NOT NULL AND area_code IS NOT NULL AND sex IS NOT NULL AND task_no IS NULL)
CREATE TABLE IF NOT EXISTS fact_collection_owed (
    round_year      INTEGER NOT NULL,
    unit_name       VARCHAR NOT NULL,
    item_key        VARCHAR NOT NULL,
    item_kind       VARCHAR NOT NULL,
    indicator_code  VARCHAR,
    area_code       VARCHAR,
    sex             VARCHAR,
    task_no         INTEGER,
    role            VARCHAR
);
COMMENT ON TABLE fact_collection_owed IS 'What each reporting unit owes in a round, as printed on its form: one value cell per indicator x area x sex and one progress row per task it leads or shares.';
COMMENT ON COLUMN fact_collection_owed.item_key IS 'Stable key of the item: indicator_code|area_code|sex, or task:N.';
COMMENT ON COLUMN fact_collection_owed.item_kind IS 'indicator (a value on 指标数据) or progress (a row on 任务进展).';
COMMENT ON COLUMN fact_collection_owed.role IS 'For progress: lead or responsible unit of the task (a vocab_role code).';
