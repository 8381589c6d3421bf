-- model: v_target
-- grain: one row per indicator x area x sex x deadline (research contract, stable)
-- key: indicator_code, area_code, sex, deadline_year
CREATE OR REPLACE VIEW v_target AS
SELECT indicator_code, area_code, sex, comparator, target_value, deadline_year, task_no
FROM fact_target
ORDER BY indicator_code, area_code, sex, deadline_year;
COMMENT ON VIEW v_target IS 'Contract view: indicator_code, area_code, sex, comparator, target_value, deadline_year, task_no.';
