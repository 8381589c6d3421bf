namespace Wcc.Analytics.Forecast.Backtest;

/// <summary>A scored prediction: P(met), the projection and its 80% interval (calibrated, and before calibration), and what happened.</summary>
public sealed record ScoredPrediction(double PMet, double ProjectedValue, double ActualValue, bool ActualMet,
    double Lower = double.NaN, double Upper = double.NaN, double RawLower = double.NaN, double RawUpper = double.NaN);

/// <summary>One row of a reliability table: forecasts whose P(met) fell in [From, To), their mean P(met) and the share met.</summary>
public sealed record ReliabilityBin(double From, double To, int N, double MeanPredicted, double ObservedShare);

/// <summary>Scores of one method over a backtest.</summary>
/// <param name="Auc">Null when the outcomes are all of one kind (AUC undefined).</param>
/// <param name="Coverage">Share of deadline values inside the (calibrated) 80% interval.</param>
/// <param name="RawCoverage">The same for the model's interval before rolling-origin calibration.</param>
/// <param name="IntervalScale">The calibration factors applied to the spread, by horizon.</param>
public sealed record MethodScore(string Method, int N, double Accuracy, double Brier, double LogLoss, double? Auc, double Mae,
    double Coverage = double.NaN, double RawCoverage = double.NaN, IReadOnlyList<double>? IntervalScale = null, IReadOnlyList<ReliabilityBin>? Reliability = null);

/// <summary>Proper scoring rules, discrimination, interval coverage and reliability for probability forecasts.</summary>
public static class Scoring
{
    /// <summary>Probabilities are clipped to [ε, 1 − ε] in the log loss so one confident miss stays finite.</summary>
    public const double LogLossEpsilon = 1e-6;

    /// <summary>A forecast of at least this probability counts as predicting "met" for accuracy.</summary>
    public const double DecisionThreshold = 0.5;

    /// <summary>Bins of the reliability table: five of width 0.2 (a few hundred scored series fill each).</summary>
    public const int ReliabilityBins = 5;

    /// <summary>Values within this relative distance of an interval end count as inside (the interval ends are stored rounded).</summary>
    public const double CoverageTolerance = 1e-9;

    /// <summary>All scores of one method; <paramref name="intervalScale"/> is reported alongside.</summary>
    public static MethodScore Score(string method, IReadOnlyList<ScoredPrediction> predictions, IReadOnlyList<double>? intervalScale = null)
    {
        var n = predictions.Count;
        if (n == 0) return new MethodScore(method, 0, double.NaN, double.NaN, double.NaN, null, double.NaN, double.NaN, double.NaN, intervalScale, []);
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
        return new MethodScore(method, n, correct / n, brier / n, logLoss / n, Auc(predictions), mae / n,
            Coverage(predictions, p => (p.Lower, p.Upper)), Coverage(predictions, p => (p.RawLower, p.RawUpper)), intervalScale,
            Reliability(predictions));
    }

    /// <summary>Share of predictions whose actual value lies in the interval <paramref name="interval"/> gives (NaN when none has one).</summary>
    public static double Coverage(IReadOnlyList<ScoredPrediction> predictions, Func<ScoredPrediction, (double Lower, double Upper)> interval)
    {
        int n = 0, inside = 0;
        foreach (var p in predictions)
        {
            var (lo, hi) = interval(p);
            if (double.IsNaN(lo) || double.IsNaN(hi)) continue;
            n++;
            var slack = CoverageTolerance * Math.Max(1, Math.Abs(p.ActualValue));
            if (p.ActualValue >= lo - slack && p.ActualValue <= hi + slack) inside++;
        }
        return n == 0 ? double.NaN : (double)inside / n;
    }

    /// <summary>Reliability table: P(met) in <see cref="ReliabilityBins"/> equal bins (the last includes 1), each with its mean
    /// forecast and the share of its targets actually met; empty bins are kept (N = 0, NaN shares) so tables line up.</summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<ScoredPrediction> predictions)
    {
        var bins = new List<ReliabilityBin>(ReliabilityBins);
        for (var b = 0; b < ReliabilityBins; b++)
        {
            double from = (double)b / ReliabilityBins, to = (double)(b + 1) / ReliabilityBins;
            var inBin = predictions.Where(p => Bin(p.PMet) == b).ToList();
            bins.Add(new ReliabilityBin(from, to, inBin.Count,
                inBin.Count == 0 ? double.NaN : inBin.Average(p => p.PMet),
                inBin.Count == 0 ? double.NaN : inBin.Count(p => p.ActualMet) / (double)inBin.Count));
        }
        return bins;
    }

    private static int Bin(double p) => Math.Clamp((int)Math.Floor(p * ReliabilityBins), 0, ReliabilityBins - 1);

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
