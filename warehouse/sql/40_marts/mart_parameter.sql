-- model: mart_parameter
-- grain: one row per named constant that a mart view uses (weights, periods)
-- key: name
-- not_null: value, note
CREATE TABLE IF NOT EXISTS mart_parameter (
    name   VARCHAR NOT NULL,
    value  DOUBLE NOT NULL,
    note   VARCHAR NOT NULL
);
INSERT INTO mart_parameter SELECT * FROM (VALUES
    ('lead_weight', 2.0, 'lead 角色(vocab_role)每项任务的工作量权重 (v_unit_workload); 报告命令可临时覆盖'),
    ('responsible_weight', 1.0, 'responsible 角色(vocab_role)每项任务的工作量权重 (v_unit_workload); 报告命令可临时覆盖'),
    ('completeness_from_year', 2010, '数据完整性评估期起始年 (v_coverage_completeness), 2011-2020 规划基线年'),
    ('completeness_to_year', 2020, '数据完整性评估期终止年 (v_coverage_completeness), 规划终期'),
    ('attainment_equal_tolerance', 1e-9, '目标比较符为 = 时视为达标的绝对误差 (target_met: 终期评估与达标热力图共用)'),
    ('eval_baseline_year', 2015, '终期评估的基期年 (v_eval_attainment): 该年有观测值时取该年,否则取最早观测年'),
    ('eval_midterm_year', 2018, '终期评估的中期年 (v_eval_attainment): 取最接近该年的观测年(相同时取较早年)')
) p(name, value, note)
-- insert each constant that is missing, so an older warehouse gains new constants without losing edits
WHERE p.name NOT IN (SELECT name FROM mart_parameter);
COMMENT ON TABLE mart_parameter IS 'Named constants of the mart views (workload weights, assessment period), visible to researchers; edit a row to change every view that reads it.';
COMMENT ON COLUMN mart_parameter.name IS 'Constant name, e.g. lead_weight.';
COMMENT ON COLUMN mart_parameter.value IS 'Its value (years stored as numbers).';
COMMENT ON COLUMN mart_parameter.note IS 'What it means and which view reads it.';
