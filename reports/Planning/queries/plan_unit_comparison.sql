-- Each unit's 2018-2020 and planned workload side by side. The caller defines `prior_units` and `plan_units`,
-- each Workload/queries/unit_workload_weighted.sql over a role source (prior_unit_task_role.sql,
-- plan_unit_task_role.sql). A unit grows sharply when its index rises by at least $sharp_growth_points AND by
-- at least $sharp_growth_ratio of its 2018-2020 index (any rise of that many points for a unit new to the work).
, compared AS (
    SELECT coalesce(p.unit_name, q.unit_name) AS unit_name,
           coalesce(p.is_collective, q.is_collective) AS is_collective,
           coalesce(q.tasks_led, 0) AS prior_tasks_led,
           coalesce(q.tasks_responsible, 0) AS prior_tasks_responsible,
           coalesce(q.workload_index, 0) AS prior_index,
           q.workload_rank AS prior_rank,
           coalesce(p.tasks_led, 0) AS plan_tasks_led,
           coalesce(p.tasks_responsible, 0) AS plan_tasks_responsible,
           coalesce(p.workload_index, 0) AS plan_index,
           p.workload_rank AS plan_rank
    FROM plan_units p
    FULL JOIN prior_units q ON q.unit_name = p.unit_name
),
final AS (
    SELECT *,
           plan_index - prior_index AS index_change,
           CASE WHEN prior_index > 0 THEN plan_index / prior_index - 1 END AS index_change_ratio,
           (plan_index - prior_index >= $sharp_growth_points
            AND (prior_index = 0 OR plan_index / prior_index - 1 >= $sharp_growth_ratio)) AS grows_sharply
    FROM compared
)
SELECT * FROM final
ORDER BY is_collective, plan_index DESC, unit_name
