namespace Wcc.Reports.Coverage;

/// <summary>Where the coverage report writes its heatmaps, CSVs and captions.</summary>
public sealed record CoverageOptions(string OutputDirectory);
