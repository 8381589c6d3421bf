namespace Wcc.Analytics.Planning.Model;

/// <summary>The levels a suggested target may not pass: a floor for lower-is-better indicators (what the best area has
/// already reached: a mortality rate of 0 is not a plan) and a ceiling below 100% for shares (100% is not measurable:
/// one unregistered child breaks it).</summary>
public sealed record TargetLimits(double? Floor, double? Ceiling)
{
    /// <summary>A share's suggested level stays this many percentage points below its upper bound.</summary>
    public const double MeasurableCeilingMargin = 0.5;

    /// <summary>Unit of a share, whose upper bound is not a measurable target.</summary>
    public const string ShareUnit = "%";

    /// <summary>The limits of <paramref name="indicatorCode"/> from the data known at the as-of year.</summary>
    public static TargetLimits For(PlanContext context, string indicatorCode)
    {
        var indicator = context.Data.Indicators[indicatorCode];
        if (!indicator.HigherIsBetter)
        {
            // The best latest value any area (district or city, any sex) has reached by the as-of year.
            var reached = context.Data.Series.Values
                .Where(s => s.Key.IndicatorCode == indicatorCode && s.Points.Count > 0)
                .Select(s => s.Points[^1].Value)
                .Where(v => indicator.LowerBound is not { } lo || v > lo)
                .DefaultIfEmpty(double.NaN)
                .Min();
            return new TargetLimits(double.IsNaN(reached) ? indicator.LowerBound : reached, indicator.UpperBound);
        }
        var ceiling = indicator.UpperBound is { } hi && indicator.Unit.Trim() == ShareUnit ? hi - MeasurableCeilingMargin : indicator.UpperBound;
        return new TargetLimits(indicator.LowerBound, ceiling);
    }

    /// <summary>The level kept within the floor and the ceiling.</summary>
    public double Apply(double level)
    {
        if (Floor is { } lo && level < lo) level = lo;
        if (Ceiling is { } hi && level > hi) level = hi;
        return level;
    }
}
