using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Wcc.Reports.Forecast.Model;
using Wcc.Reports.Forecast.Stats;

namespace Wcc.Reports.Forecast.Methods;

/// <summary>What the ML method learned from: example counts and whether it fell back.</summary>
/// <param name="FallbackReason">Null when the boosted trees were trained; else why the calibrated trend is used.</param>
public sealed record MlTrainingSummary(int Rows, int Positives, string? FallbackReason)
{
    /// <summary>The method the ml forecasts actually used.</summary>
    public string MethodUsed => FallbackReason is null ? MethodNames.Ml : MethodNames.MlFallback;
}

/// <summary>FastTree binary classifier (Platt-calibrated) trained by rolling origin; the projection and interval are weighted_trend's.</summary>
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
        this.ml = ml;
        this.model = model;
        this.fallback = fallback;
        Summary = summary;
    }

    /// <inheritdoc />
    public string Name => MethodNames.Ml;

    /// <summary>Training counts and fallback status.</summary>
    public MlTrainingSummary Summary { get; }

    /// <summary>Trains on every case's series; none may hold data after <paramref name="cutoffYear"/>.</summary>
    public static MlMethod Train(IReadOnlyList<ForecastCase> trainingCases, int cutoffYear)
    {
        var rows = RollingOrigin.Build(trainingCases, cutoffYear);
        var positives = rows.Count(r => r.Label);
        var negatives = rows.Count - positives;
        var ml = new MLContext(seed: Seed);
        string? why = null;
        if (rows.Count < MinTrainingRows) why = $"训练样本仅{rows.Count}条(少于{MinTrainingRows})";
        else if (Math.Min(positives, negatives) < MinRowsPerClass) why = $"训练样本中达标{positives}条、未达标{negatives}条，类别过少";
        var summary = new MlTrainingSummary(rows.Count, positives, why);
        var calibration = PlattCalibration.Fit(rows.Select(r => ((double)r.Features[TrendProbabilityIndex], r.Label)).ToList());
        if (why is not null) return new MlMethod(ml, null, calibration, summary);

        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new MlInput { Features = r.Features, Label = r.Label }));
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = Trees,
            NumberOfLeaves = Leaves,
            MinimumExampleCountPerLeaf = MinLeafExamples,
            LearningRate = LearningRate,
            LabelColumnName = nameof(MlInput.Label),
            FeatureColumnName = nameof(MlInput.Features),
        });
        return new MlMethod(ml, trainer.Fit(data), calibration, summary);
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
            var (projected, se, df) = WeightedTrendMethod.Predict(c, facts[i]);
            var q = Distributions.StudentTQuantile(0.9, df);
            var p = probabilities[i];
            var how = Summary.FallbackReason is { } why
                ? $"{why}，改用校准后的加权趋势，达标概率{Percent(p)}"
                : $"模型(基于{Summary.Rows}条滚动样本)估计达标概率{Percent(p)}";
            result.Add(new MethodForecast(projected, c.Series.Indicator.Clamp(projected - q * se), c.Series.Indicator.Clamp(projected + q * se),
                p, AttainmentProbability.StatusOf(p), $"{ReasonText.Pace(c, facts[i])}；{how}", Summary.MethodUsed));
        }
        return result;
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
