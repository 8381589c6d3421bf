using MathNet.Numerics.Distributions;

namespace Wcc.Analytics.Forecast.Stats;

/// <summary>The standard normal and Student-t distribution functions the forecasts use, from MathNet.Numerics.</summary>
public static class Distributions
{
    /// <summary>Standard normal CDF.</summary>
    public static double NormalCdf(double z) => Normal.CDF(0, 1, z);

    /// <summary>Standard normal quantile.</summary>
    public static double NormalQuantile(double p)
    {
        if (p <= 0 || p >= 1) throw new ArgumentOutOfRangeException(nameof(p));
        return Normal.InvCDF(0, 1, p);
    }

    /// <summary>Student-t CDF with <paramref name="df"/> degrees of freedom.</summary>
    public static double StudentTCdf(double t, double df)
    {
        if (double.IsPositiveInfinity(t)) return 1;
        if (double.IsNegativeInfinity(t)) return 0;
        return StudentT.CDF(0, 1, df, t);
    }

    /// <summary>Quantile of the Student-t distribution with <paramref name="df"/> degrees of freedom.</summary>
    public static double StudentTQuantile(double p, double df)
    {
        if (p <= 0 || p >= 1) throw new ArgumentOutOfRangeException(nameof(p));
        return StudentT.InvCDF(0, 1, df, p);
    }
}
