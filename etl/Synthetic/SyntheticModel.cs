namespace Wcc.Etl.Synthetic;

/// <summary>What the generator needs to know about an indicator (read from dim_indicator and fact_target).</summary>
public sealed record IndicatorProfile(
    string Code,
    string MeasureKind,
    bool SexDisaggregated,
    string Direction,
    string Population,
    double? LowerBound,
    double? UpperBound,
    IReadOnlyList<TargetProfile> Targets)
{
    /// <summary>True when smaller values are progress (mortality).</summary>
    public bool LowerIsBetter => Direction == "lower";

    /// <summary>Counts add up across areas and sexes; rates and ratios do not.</summary>
    public bool IsCount => MeasureKind == "count";
}

/// <summary>A target the synthetic series should approach, miss or beat.</summary>
public sealed record TargetProfile(string AreaCode, string Sex, string Comparator, double Value, int DeadlineYear);

/// <summary>An area the generator fills: the city or one of its districts and counties.</summary>
/// <param name="IsCentral">Central districts run ahead of the city average.</param>
/// <param name="IsCounty">Counties (and outer districts) lag behind.</param>
public sealed record AreaProfile(string Code, bool IsCity, bool IsCentral, bool IsCounty);

/// <summary>One generated observation.</summary>
public sealed record SyntheticObservation(string IndicatorCode, string AreaCode, int Year, string Sex, double Value, string? Status);

/// <summary>How a city series ends relative to its target: the mix the reports should have to show.</summary>
public enum Fate { ClearlyMet, JustMet, CloseCall, ClearlyMissed }
