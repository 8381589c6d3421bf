using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Wcc.Analytics.Forecast.Model;
using Wcc.Analytics.Forecast.Stats;

namespace Wcc.Analytics.Forecast.Methods;

/// <summary>What the ML method learned from: example counts and whether it fell back.</summary>
/// <param name="FallbackReason">Null when the boosted trees were trained; else why the calibrated trend is used.</param>
public sealed record MlTrainingSummary(int Rows, int Positives, string? FallbackReason)
{
    /// <summary>The method the ml forecasts actually used.</summary>
    public string MethodUsed => FallbackReason is null ? MethodNames.Ml : MethodNames.MlFallback;
}

/// <summary>FastTree binary classifier (Platt-calibrated) trained by rolling origin on the baselines' projections and the required pace.</summary>
/// <remarks>Its predictive distribution is weighted_trend's (same transformed scale and calibrated spread) with the centre moved
/// so that P(met) equals the classifier's probability: projection, interval and P(met) come from that one distribution.</remarks>
/// <remarks>With fewer than <see cref="MinTrainingRows"/> examples or fewer than <see cref="MinRowsPerClass"/> of either
/// outcome, it says so and uses the weighted-trend probability, Platt-calibrated on whatever examples exist.</remarks>
public sealed class MlMethod : IForecastMethod
{
    /// <summary>Fewer labelled examples than this: too few to learn trees from.</summary>
    public const int MinTrainingRows = 40;

    /// <summary>Each outcome (met / not met) needs at least this many examples.</summary>
    public const int MinRowsPerClass = 5;

    /// <summary>ML.NET seed: the same data give the same model in every process.</summary>
    public const int Seed = 1;

    private const int Trees = 100;
    private const int Leaves = 8;
    private const int MinLeafExamples = 5;
    private const double LearningRate = 0.1;

    private readonly MLContext ml;
    private readonly ITransformer? model;
    private readonly PlattCalibration fallback;

    private MlMethod(MLContext ml, ITransformer? model, PlattCalibration fallback, MlTrainingSummary summary)
    {
        Calibration = IntervalScale.None;
        this.ml = ml;
        this.model = model;
        this.fallback = fallback;
        Summary = summary;
    }

    /// <inheritdoc />
    public string Name => MethodNames.Ml;

    /// <summary>The factor applied to the trend's raw spread (rolling-origin calibration of weighted_trend; 1 = none).</summary>
    public IntervalScale Calibration { get; private init; }

    /// <summary>The same model with the interval calibration <paramref name="calibration"/>.</summary>
    public MlMethod WithIntervalScale(IntervalScale calibration) => new(ml, model, fallback, Summary) { Calibration = calibration };

    /// <summary>Training counts and fallback status.</summary>
    public MlTrainingSummary Summary { get; }

    /// <summary>Trains on every case's series; none may hold data after <paramref name="cutoffYear"/>.</summary>
    public static MlMethod Train(IReadOnlyList<ForecastCase> trainingCases, int cutoffYear)
    {
        var rows = RollingOrigin.Build(trainingCases, cutoffYear);
        var summary = SummaryOf(rows.Select(r => r.Label).ToList());
        var ml = new MLContext(seed: Seed);
        var calibration = PlattCalibration.Fit(rows.Select(r => ((double)r.Features[TrendProbabilityIndex], r.Label)).ToList());
        if (summary.FallbackReason is not null) return new MlMethod(ml, null, calibration, summary);

        // Measured: holding the last 3 years of origins out of the trees and Platt-recalibrating on them scored worse
        // (Brier at cutoff 2017 0.154 vs 0.127): the recent origins are too few, and the trees need them.
        return new MlMethod(ml, Fit(ml, rows), calibration, summary);
    }

    /// <summary>What <see cref="Train"/> would learn from on these cases (the training set's labels counted; no features, no
    /// model): for a run that projects nothing, where a model would go unused.</summary>
    public static MlTrainingSummary Summarize(IReadOnlyList<ForecastCase> trainingCases, int cutoffYear) =>
        SummaryOf(RollingOrigin.Labels(trainingCases, cutoffYear));

    /// <summary>The summary of a training set with these labels (one per example: target level met or not).</summary>
    private static MlTrainingSummary SummaryOf(IReadOnlyList<bool> labels)
    {
        var positives = labels.Count(met => met);
        var negatives = labels.Count - positives;
        string? why = null;
        if (labels.Count < MinTrainingRows) why = $"训练样本仅{labels.Count}条(少于{MinTrainingRows})";
        else if (Math.Min(positives, negatives) < MinRowsPerClass) why = $"训练样本中达标{positives}条、未达标{negatives}条，类别过少";
        return new MlTrainingSummary(labels.Count, positives, why);
    }

    private static ITransformer Fit(MLContext ml, IReadOnlyList<TrainingRow> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new MlInput { Features = r.Features, Label = r.Label }));
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = Trees,
            NumberOfLeaves = Leaves,
            MinimumExampleCountPerLeaf = MinLeafExamples,
            LearningRate = LearningRate,
            // One thread per training: ML.NET lets one FastTree training run at a time in a process (a static lock), while
            // the forecast's other computations run beside it (ForecastRun); FastTree's own threads would only compete with
            // them. The trees do not depend on it (same rows, same seed, same model: compared on the seed and 10k warehouses).
            NumberOfThreads = 1,
            LabelColumnName = nameof(MlInput.Label),
            FeatureColumnName = nameof(MlInput.Features),
        });
        return trainer.Fit(data);
    }

    private static readonly int TrendProbabilityIndex = MlFeatures.Names.ToList().IndexOf("trend_p_met");

    /// <inheritdoc />
    public IReadOnlyList<MethodForecast> ProjectAll(IReadOnlyList<ForecastCase> cases)
    {
        var facts = cases.Select(c => TrendFacts.From(c.Series.Points)).ToList();
        var features = new float[cases.Count][];
        Span<float> buffer = stackalloc float[MlFeatures.Count];
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            MlFeatures.Compute(c.Series, c.Series.Points.Count, c.Target, c.Target.DeadlineYear - facts[i].Latest.Year, facts[i], buffer);
            features[i] = RollingOrigin.Sanitise(buffer);
        }
        var probabilities = model is null
            ? features.Select(f => fallback.Apply(f[TrendProbabilityIndex])).ToArray()
            : Score(features);

        var result = new List<MethodForecast>(cases.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var factor = Calibration.At(c.Target.DeadlineYear - facts[i].Latest.Year);
            var trend = WeightedTrendMethod.Distribution(c.Series.Indicator, c.Series.Points, c.Series.Points.Count, c.Target.DeadlineYear)
                .Widened(factor);
            var distribution = MatchProbability(trend, c.Target, probabilities[i]);
            var pace = ReasonText.Pace(c, facts[i]);
            var unit = c.Series.Indicator.Unit;
            result.Add(AttainmentProbability.Forecast(distribution, factor, c.Target, null, (d, p) =>
            {
                var how = Summary.FallbackReason is { } why
                    ? $"{why}，改用校准后的加权趋势，达标概率{Percent(p)}"
                    : $"模型(基于{Summary.Rows}条滚动样本)估计达标概率{Percent(p)}";
                return $"{pace}；{how}，{c.Target.DeadlineYear}年约{ReasonText.Value(d.Median, unit)}";
            }, Summary.MethodUsed));
        }
        return result;
    }

    /// <summary>Probabilities are kept within [ε, 1 − ε] when the centre is moved: a certain forecast would need an infinite shift.</summary>
    public const double ProbabilityEpsilon = 1e-4;

    /// <summary>The classifier moves the trend's centre by at most this many interval half-widths (q₀.₉ · spread): beyond it the
    /// trend's evidence about the level is kept and P(met) is what the moved distribution gives.</summary>
    public const double MaxCentreShiftHalfWidths = 1;

    /// <summary><paramref name="d"/> with its centre moved so that P(met) = <paramref name="p"/> (its spread unchanged), the move
    /// limited to <see cref="MaxCentreShiftHalfWidths"/>; unchanged where a bound fixes P(met) (a target beyond a bound).</summary>
    public static PredictiveDistribution MatchProbability(PredictiveDistribution d, TargetSpec target, double p)
    {
        var moved = MoveCentre(d, target, p);
        var limit = MaxCentreShiftHalfWidths * d.Spread * PredictiveDistribution.StandardQuantile(1 - PredictiveDistribution.LowerTail, d.Df);
        return moved with { Location = Math.Clamp(moved.Location, d.Location - limit, d.Location + limit) };
    }

    private static PredictiveDistribution MoveCentre(PredictiveDistribution d, TargetSpec target, double p)
    {
        if (d.Spread <= 0) return d;
        p = Math.Clamp(p, ProbabilityEpsilon, 1 - ProbabilityEpsilon);
        var scale = d.Scale;
        var v = target.Value;
        if (v < scale.Lower || v > scale.Upper) return d;
        var z = scale.Forward(v);
        switch (target.Comparator)
        {
            case Comparator.AtLeast:
                return d with { Location = z - d.Spread * PredictiveDistribution.StandardQuantile(1 - p, d.Df) };
            case Comparator.AtMost:
                return d with { Location = z - d.Spread * PredictiveDistribution.StandardQuantile(p, d.Df) };
            default:
                // P(met) of an `=` target grows as the centre approaches the level: search between the trend's centre and the level.
                if ((d with { Location = z }).PMet(target) <= p) return d with { Location = z };
                double far = d.Location, near = z;
                for (var i = 0; i < 60; i++)
                {
                    var mid = 0.5 * (far + near);
                    if ((d with { Location = mid }).PMet(target) < p) far = mid; else near = mid;
                }
                return d with { Location = near };
        }
    }

    private double[] Score(float[][] features)
    {
        if (features.Length == 0) return [];
        var data = ml.Data.LoadFromEnumerable(features.Select(f => new MlInput { Features = f }));
        return ml.Data.CreateEnumerable<MlOutput>(model!.Transform(data), reuseRowObject: false)
            .Select(o => float.IsFinite(o.Probability) ? Math.Clamp((double)o.Probability, 0, 1) : 0.5)
            .ToArray();
    }

    private static string Percent(double p) => ReasonText.Number(Math.Round(p * 100)) + "%";

    private sealed class MlInput
    {
        [VectorType(MlFeatures.Count)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    private sealed class MlOutput
    {
        public float Probability { get; set; }
    }
}
