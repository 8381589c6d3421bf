-- model: target_met
-- grain: scalar macro target_met(op, observed, goal): true when observed meets goal under comparator op, null when observed is null
-- The one rule for when a value meets a target, called by the end-of-period verdicts (v_eval_attainment) and the
-- attainment heatmap (v_coverage_attainment): >= and <= as written; = within mart_parameter attainment_equal_tolerance.
CREATE OR REPLACE MACRO target_met(op, observed, goal) AS
    CASE op WHEN '>=' THEN observed >= goal
            WHEN '<=' THEN observed <= goal
            ELSE abs(observed - goal) <= (SELECT max(value) FROM mart_parameter WHERE name = 'attainment_equal_tolerance') END;
