-- model: fact_backtest_reliability
-- grain: one row per as-of year x forecast method x P(met) bin: the reliability table of the selection backtest
-- key: as_of_year, method, bin_no
-- not_null: cutoff_year, p_from, p_to, n
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
    share_met    DOUBLE
);
COMMENT ON TABLE fact_backtest_reliability IS 'Reliability of P(met) in the backtest wcc forecast runs to choose its default method: forecasts binned by P(met), with the share of their targets actually met (calibrated forecasts lie on the diagonal).';
COMMENT ON COLUMN fact_backtest_reliability.p_from IS 'Lower end of the P(met) bin (inclusive).';
COMMENT ON COLUMN fact_backtest_reliability.p_to IS 'Upper end of the P(met) bin (exclusive, except 1 in the last bin).';
COMMENT ON COLUMN fact_backtest_reliability.mean_p_met IS 'Mean predicted P(met) of the forecasts in the bin; null when it is empty.';
COMMENT ON COLUMN fact_backtest_reliability.share_met IS 'Share of those targets that were met at the deadline; null when the bin is empty.';
