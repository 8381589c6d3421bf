using Wcc.Analytics.Forecast.Backtest;

namespace Wcc.Tests.Analytics.Forecast;

public class ScoringTests
{
    private static ScoredPrediction P(double p, bool met, double projected = 0, double actual = 0) => new(p, projected, actual, met);

    [Fact]
    public void Score_HandComputed()
    {
        var s = Scoring.Score("x", [P(0.9, true, 10, 12), P(0.2, false, 5, 4), P(0.6, false, 7, 7)]);
        Assert.Equal(3, s.N);
        Assert.Equal(2.0 / 3, s.Accuracy, 9);
        Assert.Equal((0.01 + 0.04 + 0.36) / 3, s.Brier, 9);
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.8) + Math.Log(0.4)) / 3, s.LogLoss, 9);
        Assert.Equal(1.0, s.Auc);
        Assert.Equal(1.0, s.Mae, 9);
    }

    [Fact]
    public void Auc_TiesCountHalf_AndOneClassIsUndefined()
    {
        // One positive tied with one negative at 0.5, another negative below: U = 1 + 0.5 over 1·2 pairs.
        Assert.Equal(0.75, Scoring.Auc([P(0.5, true), P(0.5, false), P(0.1, false)]));
        Assert.Null(Scoring.Auc([P(0.5, true), P(0.7, true)]));
    }

    [Fact]
    public void LogLoss_ClipsCertainMisses()
    {
        var s = Scoring.Score("x", [P(0, true)]);
        Assert.Equal(-Math.Log(Scoring.LogLossEpsilon), s.LogLoss, 6);
    }
}
