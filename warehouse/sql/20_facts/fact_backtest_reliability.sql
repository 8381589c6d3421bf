-- model: fact_backtest_reliability
-- grain: one row per as-of year x backtest cutoff x forecast method x P(met) bin: the reliability tables of the selection backtest and its neighbouring cutoffs
-- key: as_of_year, cutoff_year, method, bin_no
-- not_null: p_from, p_to, n, is_selection
-- accepted_values: method in (unsd_cagr, weighted_trend, ml, combined)
-- expression: p_from < p_to AND p_from >= 0 AND p_to <= 1
-- expression: (n = 0) = (mean_p_met IS NULL) AND (n = 0) = (share_met IS NULL)
-- expression: share_met IS NULL OR share_met BETWEEN 0 AND 1
CREATE TABLE IF NOT EXISTS fact_backtest_reliability (
    as_of_year   INTEGER NOT NULL,
    cutoff_year  INTEGER NOT NULL,
    method       VARCHAR NOT NULL,
    bin_no       INTEGER NOT NULL,
    p_from       DOUBLE NOT NULL,
    p_to         DOUBLE NOT NULL,
    n            INTEGER NOT NULL,
    mean_p_met   DOUBLE,
    share_met    DOUBLE,
    is_selection BOOLEAN
);
COMMENT ON TABLE fact_backtest_reliability IS 'Reliability of P(met) in the backtests of fact_backtest_score (the selection backtest and its neighbouring cutoffs): forecasts binned by P(met), with the share of their targets actually met (calibrated forecasts lie on the diagonal).';
COMMENT ON COLUMN fact_backtest_reliability.p_from IS 'Lower end of the P(met) bin (inclusive).';
COMMENT ON COLUMN fact_backtest_reliability.p_to IS 'Upper end of the P(met) bin (exclusive, except 1 in the last bin).';
COMMENT ON COLUMN fact_backtest_reliability.mean_p_met IS 'Mean predicted P(met) of the forecasts in the bin; null when it is empty.';
COMMENT ON COLUMN fact_backtest_reliability.share_met IS 'Share of those targets that were met at the deadline; null when the bin is empty.';
COMMENT ON COLUMN fact_backtest_reliability.is_selection IS 'True for the backtest that chose the default method; false for its neighbouring cutoffs.';
