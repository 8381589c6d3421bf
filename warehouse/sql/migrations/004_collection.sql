-- Schema version 4: the data-collection round. New tables are created by replaying the models; the two existing
-- tables that gain columns are altered here (columns appended, so the models list them last in the same order).
ALTER TABLE dim_indicator ADD COLUMN IF NOT EXISTS reporting_unit VARCHAR;
ALTER TABLE fact_task_progress ADD COLUMN IF NOT EXISTS evidence VARCHAR;
ALTER TABLE fact_task_progress ADD COLUMN IF NOT EXISTS completion_date DATE;
ALTER TABLE fact_task_progress ADD COLUMN IF NOT EXISTS load_id INTEGER;
