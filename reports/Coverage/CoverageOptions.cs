namespace Wcc.Reports.Coverage;

/// <summary>Where the coverage report writes its heatmaps, CSVs and captions.</summary>
/// <param name="Overwrite">Write into an output folder that already holds files.</param>
public sealed record CoverageOptions(string OutputDirectory, bool Overwrite = false);
