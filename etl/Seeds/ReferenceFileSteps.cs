using Wcc.Etl.Build;

namespace Wcc.Etl.Seeds;

/// <summary>A researcher's own areas, indicators and targets files (seed columns), loaded before their observations.</summary>
/// <remarks>
/// They reuse the seed jobs with an origin naming the file, so `wcc build` (which replaces origin = seed) never
/// removes them, and reloading the same file replaces its own rows only.
/// </remarks>
public static class ReferenceFileSteps
{
    /// <summary>The origin recorded for rows from <paramref name="path"/>.</summary>
    public static string Origin(string path) => $"file:{Path.GetFileName(path)}";

    /// <summary>Steps for the given files in dependency order (areas and indicators before the targets that name them).</summary>
    public static IReadOnlyList<BuildStep> Steps(string? areas, string? indicators, string? targets)
    {
        var steps = new List<BuildStep>();
        if (areas is not null)
        {
            steps.Add(new BuildStep("load_areas", "载入行政区划文件", areas, (c, run) => AreaSeedJob.Run(c, run, areas, Origin(areas))));
        }
        if (indicators is not null)
        {
            steps.Add(new BuildStep("load_indicators", "载入指标文件", indicators, (c, run) => IndicatorSeedJob.Run(c, run, indicators, Origin(indicators))));
        }
        if (targets is not null)
        {
            steps.Add(new BuildStep("load_targets", "载入目标文件", targets, (c, run) => TargetSeedJob.Run(c, run, targets, Origin(targets))));
        }
        return steps;
    }
}
