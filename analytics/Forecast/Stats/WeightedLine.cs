using MathNet.Numerics.LinearRegression;

namespace Wcc.Analytics.Forecast.Stats;

/// <summary>A weighted least-squares line y = intercept + slope·(year − centre), with what a prediction interval needs.</summary>
/// <param name="Centre">Weighted mean year.</param>
/// <param name="Intercept">Fitted value at <paramref name="Centre"/>.</param>
/// <param name="Slope">Change per year.</param>
/// <param name="ResidualSd">Weighted residual standard deviation (0 with two points).</param>
/// <param name="EffectiveN">Kish effective sample size (Σw)²/Σw².</param>
/// <param name="Sxx">Σ v·(x − centre)² with weights v scaled to sum to <paramref name="EffectiveN"/>.</param>
/// <param name="DegreesOfFreedom">n − 2, at least 1.</param>
public sealed record WeightedLine(double Centre, double Intercept, double Slope, double ResidualSd, double EffectiveN, double Sxx, int DegreesOfFreedom)
{
    /// <summary>Fitted value at <paramref name="year"/>.</summary>
    public double At(double year) => Intercept + Slope * (year - Centre);

    /// <summary>Standard error of a new observation at <paramref name="year"/> given residual SD <paramref name="sd"/>.</summary>
    public double PredictionSe(double year, double sd)
    {
        var leverage = 1 / EffectiveN + (Sxx > 0 ? Math.Pow(year - Centre, 2) / Sxx : 0);
        return sd * Math.Sqrt(1 + leverage);
    }

    /// <summary>Fits the line through (<paramref name="x"/>, <paramref name="y"/>) with weights <paramref name="w"/> (at least two points).</summary>
    /// <remarks>The coefficients are MathNet.Numerics' weighted least squares on the centred years (centring keeps the normal
    /// equations well conditioned: years are around 2000). All points on one year leave the slope undetermined: the line is
    /// then flat at the weighted mean, as a forecast needs.</remarks>
    public static WeightedLine Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> w)
    {
        if (x.Length < 2) throw new ArgumentException("a line needs at least two points");
        double sw = 0, sw2 = 0, swx = 0, swy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sw += w[i]; sw2 += w[i] * w[i]; swx += w[i] * x[i]; swy += w[i] * y[i];
        }
        var centre = swx / sw;
        var centred = new double[x.Length][];
        double sxx = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var dx = x[i] - centre;
            centred[i] = [dx];
            sxx += w[i] * dx * dx;
        }
        var (intercept, slope) = sxx > 0
            ? Coefficients(WeightedRegression.Weighted(centred, y.ToArray(), w.ToArray(), intercept: true))
            : (swy / sw, 0.0);
        var nEff = sw * sw / sw2;
        // Weights are rescaled to sum to the effective n, so the residual variance is on the scale of one observation.
        var scale = nEff / sw;
        double rss = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var r = y[i] - (intercept + slope * (x[i] - centre));
            rss += w[i] * scale * r * r;
        }
        var df = Math.Max(x.Length - 2, 1);
        // Heavily down-weighted old points can push the effective n under 3; never divide by less than one degree of freedom.
        var resid = x.Length > 2 ? Math.Sqrt(rss / Math.Max(nEff - 2, 1.0)) : 0;
        return new WeightedLine(centre, intercept, slope, resid, nEff, sxx * scale, df);
    }

    private static (double Intercept, double Slope) Coefficients(double[] beta) => (beta[0], beta[1]);
}
