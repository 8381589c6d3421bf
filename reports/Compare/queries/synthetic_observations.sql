-- Whether any current observation is synthetic: a draft notice planned from them carries synthetic targets.
SELECT coalesce(bool_or(source = 'synthetic'), false) AS any_synthetic
FROM v_observation
