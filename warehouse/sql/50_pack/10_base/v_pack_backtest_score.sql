-- model: v_pack_backtest_score
-- grain: one row per as-of year x forecast method
-- key: as_of_year, method
CREATE OR REPLACE VIEW v_pack_backtest_score AS
SELECT as_of_year, method, cutoff_year, n, accuracy, brier, log_loss, auc, mae, is_default
FROM fact_backtest_score;
COMMENT ON VIEW v_pack_backtest_score IS 'Evaluation pack methodology appendix: backtest scores of each forecast method (the default has the lowest Brier score).';
