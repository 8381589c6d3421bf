-- model: v_target
-- grain: one row per indicator x area x sex x deadline (research contract, stable)
-- key: indicator_code, area_code, sex, deadline_year
CREATE OR REPLACE VIEW v_target AS
SELECT indicator_code, area_code, sex, comparator, target_value, deadline_year, task_no, notice_id
FROM fact_target;
COMMENT ON VIEW v_target IS 'Contract view: indicator_code, area_code, sex, comparator, target_value, deadline_year, task_no, notice_id.';
COMMENT ON COLUMN v_target.indicator_code IS 'Indicator the target is set on (dim_indicator.indicator_code), e.g. C_KG_GER.';
COMMENT ON COLUMN v_target.area_code IS 'Area the target is set for: six-digit GB/T 2260 code; 610100 = Xi''an as a whole.';
COMMENT ON COLUMN v_target.sex IS 'Sex of the series: F female, M male, T total (both sexes, or not disaggregated).';
COMMENT ON COLUMN v_target.comparator IS 'How a value must compare with target_value to meet the target: >=, <= or =.';
COMMENT ON COLUMN v_target.target_value IS 'Target value, in the indicator''s unit_of_measure (e.g. 98 for 98%).';
COMMENT ON COLUMN v_target.deadline_year IS 'Year by which the target is to be met.';
COMMENT ON COLUMN v_target.task_no IS 'Notice task the target belongs to (dim_task.task_no); null when the targets file names none.';
COMMENT ON COLUMN v_target.notice_id IS 'Notice of the task (dim_notice.notice_id; the default notice for a targets file); null when no task is named.';
