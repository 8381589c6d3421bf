namespace Wcc.Analytics.Forecast.Stats;

/// <summary>Platt scaling p' = σ(a·logit(p) + b), fitted by Newton's method on the log loss.</summary>
/// <remarks>Identity (a = 1, b = 0) when the examples hold only one outcome: nothing to calibrate against.</remarks>
public sealed record PlattCalibration(double A, double B)
{
    /// <summary>Probabilities are clipped to [ε, 1 − ε] before taking logits.</summary>
    public const double Epsilon = 1e-4;

    private const int MaxIterations = 50;

    /// <summary>Small ridge on (a − 1, b) keeps the fit finite on separable data.</summary>
    private const double Ridge = 1e-2;

    /// <summary>Calibrated probability.</summary>
    public double Apply(double p) => Sigmoid(A * Logit(p) + B);

    /// <summary>Fits the calibration on (raw probability, outcome) pairs.</summary>
    public static PlattCalibration Fit(IReadOnlyList<(double P, bool Label)> examples)
    {
        if (examples.Count == 0 || examples.All(e => e.Label) || examples.All(e => !e.Label)) return new PlattCalibration(1, 0);
        double a = 1, b = 0;
        for (var iter = 0; iter < MaxIterations; iter++)
        {
            double ga = Ridge * (a - 1), gb = Ridge * b, haa = Ridge, hab = 0, hbb = Ridge;
            foreach (var (p, label) in examples)
            {
                var x = Logit(p);
                var q = Sigmoid(a * x + b);
                var d = q - (label ? 1 : 0);
                var w = q * (1 - q);
                ga += d * x; gb += d;
                haa += w * x * x; hab += w * x; hbb += w;
            }
            var det = haa * hbb - hab * hab;
            if (det <= 0) break;
            var da = (hbb * ga - hab * gb) / det;
            var db = (haa * gb - hab * ga) / det;
            // Backtracking: near-separable data make full Newton steps overshoot, so halve until the loss falls.
            var current = Loss(examples, a, b);
            var step = 1.0;
            while (step > 1e-6 && Loss(examples, a - step * da, b - step * db) > current) step /= 2;
            a -= step * da; b -= step * db;
            if (step * (Math.Abs(da) + Math.Abs(db)) < 1e-9) break;
        }
        return new PlattCalibration(a, b);
    }

    private static double Loss(IReadOnlyList<(double P, bool Label)> examples, double a, double b)
    {
        var loss = 0.5 * Ridge * ((a - 1) * (a - 1) + b * b);
        foreach (var (p, label) in examples)
        {
            var q = Math.Clamp(Sigmoid(a * Logit(p) + b), 1e-12, 1 - 1e-12);
            loss -= label ? Math.Log(q) : Math.Log(1 - q);
        }
        return loss;
    }

    private static double Logit(double p)
    {
        p = Math.Clamp(p, Epsilon, 1 - Epsilon);
        return Math.Log(p / (1 - p));
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
