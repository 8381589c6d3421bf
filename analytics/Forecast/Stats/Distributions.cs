namespace Wcc.Analytics.Forecast.Stats;

/// <summary>Normal and Student-t distribution functions (no statistics package is served here).</summary>
public static class Distributions
{
    /// <summary>Standard normal CDF (erfc-based, |error| &lt; 1.2e-7).</summary>
    public static double NormalCdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>Student-t CDF with <paramref name="df"/> degrees of freedom.</summary>
    public static double StudentTCdf(double t, double df)
    {
        if (double.IsPositiveInfinity(t)) return 1;
        if (double.IsNegativeInfinity(t)) return 0;
        var x = df / (df + t * t);
        var tail = 0.5 * RegularizedIncompleteBeta(df / 2, 0.5, x);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>Quantile of the Student-t distribution, by bisection on the CDF (monotone, so it always converges).</summary>
    public static double StudentTQuantile(double p, double df)
    {
        if (p <= 0 || p >= 1) throw new ArgumentOutOfRangeException(nameof(p));
        double lo = -1e3, hi = 1e3;
        for (var i = 0; i < 200 && hi - lo > 1e-10; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (StudentTCdf(mid, df) < p) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>Complementary error function (Numerical Recipes erfc, Chebyshev fit).</summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /// <summary>Regularized incomplete beta I_x(a, b) by Lentz's continued fraction.</summary>
    public static double RegularizedIncompleteBeta(double a, double b, double x)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        var front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x));
        return x < (a + 1) / (a + b + 2)
            ? front * BetaContinuedFraction(a, b, x) / a
            : 1 - front * BetaContinuedFraction(b, a, 1 - x) / b;
    }

    private static double BetaContinuedFraction(double a, double b, double x)
    {
        const double tiny = 1e-300, eps = 1e-14;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        if (Math.Abs(d) < tiny) d = tiny;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 300; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + aa * d; if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + aa / c; if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d; h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + aa * d; if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + aa / c; if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            var del = d * c;
            h *= del;
            if (Math.Abs(del - 1) < eps) break;
        }
        return h;
    }

    /// <summary>ln Γ(x) by the Lanczos approximation (x &gt; 0).</summary>
    public static double LogGamma(double x)
    {
        double[] g = [76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5];
        var y = x;
        var tmp = x + 5.5;
        tmp -= (x + 0.5) * Math.Log(tmp);
        var ser = 1.000000000190015;
        foreach (var c in g) ser += c / ++y;
        return -tmp + Math.Log(2.5066282746310005 * ser / x);
    }
}
