namespace Wcc.Reports.Forecast.Backtest;

/// <summary>A scored prediction: P(met), the projection, and what happened.</summary>
public sealed record ScoredPrediction(double PMet, double ProjectedValue, double ActualValue, bool ActualMet);

/// <summary>Scores of one method over a backtest.</summary>
/// <param name="Auc">Null when the outcomes are all of one kind (AUC undefined).</param>
public sealed record MethodScore(string Method, int N, double Accuracy, double Brier, double LogLoss, double? Auc, double Mae);

/// <summary>Proper scoring rules and discrimination for probability forecasts.</summary>
public static class Scoring
{
    /// <summary>Probabilities are clipped to [ε, 1 − ε] in the log loss so one confident miss stays finite.</summary>
    public const double LogLossEpsilon = 1e-6;

    /// <summary>A forecast of at least this probability counts as predicting "met" for accuracy.</summary>
    public const double DecisionThreshold = 0.5;

    /// <summary>All scores of one method.</summary>
    public static MethodScore Score(string method, IReadOnlyList<ScoredPrediction> predictions)
    {
        var n = predictions.Count;
        if (n == 0) return new MethodScore(method, 0, double.NaN, double.NaN, double.NaN, null, double.NaN);
        double correct = 0, brier = 0, logLoss = 0, mae = 0;
        foreach (var p in predictions)
        {
            var y = p.ActualMet ? 1.0 : 0.0;
            if (p.PMet >= DecisionThreshold == p.ActualMet) correct++;
            brier += (p.PMet - y) * (p.PMet - y);
            var q = Math.Clamp(p.PMet, LogLossEpsilon, 1 - LogLossEpsilon);
            logLoss -= y * Math.Log(q) + (1 - y) * Math.Log(1 - q);
            mae += Math.Abs(p.ProjectedValue - p.ActualValue);
        }
        return new MethodScore(method, n, correct / n, brier / n, logLoss / n, Auc(predictions), mae / n);
    }

    /// <summary>Rank-based AUC (Mann-Whitney U / (n₊·n₋)) with tied probabilities given their average rank.</summary>
    public static double? Auc(IReadOnlyList<ScoredPrediction> predictions)
    {
        var positives = predictions.Count(p => p.ActualMet);
        var negatives = predictions.Count - positives;
        if (positives == 0 || negatives == 0) return null;
        var sorted = predictions.Select(p => (p.PMet, p.ActualMet)).OrderBy(p => p.PMet).ToList();
        double positiveRankSum = 0;
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1].PMet == sorted[i].PMet) j++;
            var averageRank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
            {
                if (sorted[k].ActualMet) positiveRankSum += averageRank;
            }
            i = j + 1;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
