-- model: v_pack_early_warning
-- grain: one row per at-risk forecast series (需加快 or 难以达成) per as-of year
-- key: as_of_year, indicator_code, area_code, sex, deadline_year
-- not_null: risk_rank, risk
-- accepted_values: status in (需加快, 难以达成)
CREATE OR REPLACE VIEW v_pack_early_warning AS
WITH at_risk AS (
    SELECT *, 1 - coalesce(p_met, 0) AS risk
    FROM v_pack_indicator_status
    WHERE status IN ('需加快', '难以达成')
)
SELECT row_number() OVER (PARTITION BY as_of_year ORDER BY risk DESC, is_city DESC, indicator_code, area_code, sex) AS risk_rank,
       as_of_year, risk, is_city, indicator_code, indicator_name, unit_of_measure, area_code, area_name, sex,
       lead_units, task_no, latest_year, latest_value, comparator, target_value, deadline_year,
       projected_value, p_met, status, reason
FROM at_risk;
COMMENT ON VIEW v_pack_early_warning IS 'Evaluation pack early warning (预警): series that need acceleration or are off track, riskiest first, with the accountable lead unit and the pace needed (reason).';
COMMENT ON COLUMN v_pack_early_warning.risk IS '1 - P(target met) under the default method.';
