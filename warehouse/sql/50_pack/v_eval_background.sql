-- model: v_eval_background
-- grain: one row per population indicator x year x sex observed for the focus city
-- key: indicator_code, year, sex
-- not_null: indicator_name, value
-- The background of the evaluation: the city's population by sex, where the warehouse holds it (an indicator whose
-- Chinese name names the resident or registered population). Empty when none is loaded; the pack then says so.
CREATE OR REPLACE VIEW v_eval_background AS
SELECT o.indicator_code, i.name_zh AS indicator_name, i.unit_of_measure, o.year, o.sex, o.value, o.source
FROM v_observation o
JOIN dim_indicator i ON i.indicator_code = o.indicator_code
JOIN v_focus_area f ON f.area_code = o.area_code AND f.is_city
WHERE i.name_zh LIKE '%常住人口%' OR i.name_zh LIKE '%户籍人口%' OR i.name_zh LIKE '%人口数%';
COMMENT ON VIEW v_eval_background IS 'Background of the evaluation: the focus city''s population by sex and year, from any indicator named for the resident or registered population; empty when the warehouse holds none.';
COMMENT ON COLUMN v_eval_background.indicator_code IS 'Indicator code of the population series.';
COMMENT ON COLUMN v_eval_background.indicator_name IS 'Its Chinese name.';
COMMENT ON COLUMN v_eval_background.unit_of_measure IS 'Unit of measure (e.g. 万人).';
COMMENT ON COLUMN v_eval_background.year IS 'Calendar year.';
COMMENT ON COLUMN v_eval_background.sex IS 'F, M or T.';
COMMENT ON COLUMN v_eval_background.value IS 'Population in unit_of_measure.';
COMMENT ON COLUMN v_eval_background.source IS 'Where the figure comes from, as loaded.';
