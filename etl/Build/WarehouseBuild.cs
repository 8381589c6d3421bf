using DuckDB.NET.Data;
using Wcc.Etl.Audit;
using Wcc.Etl.Notice;
using Wcc.Warehouse.Connection;

namespace Wcc.Etl.Build;

/// <summary>Options of <c>wcc build</c>.</summary>
/// <param name="SeedsDirectory">Folder holding the notice text and the reference CSVs.</param>
/// <param name="Clock">Source of the timestamps written to <c>etl_run</c>; tests pin it.</param>
public sealed record BuildOptions(string SeedsDirectory, Func<DateTime> Clock);

/// <summary>Builds the warehouse from <c>seeds/</c>: every step in one transaction, so a failure leaves the file as it was.</summary>
public static class WarehouseBuild
{
    /// <summary>The steps in dependency order (units and areas before the facts that name them).</summary>
    public static IReadOnlyList<BuildStep> Steps(BuildOptions options)
    {
        var seeds = options.SeedsDirectory;
        if (!Directory.Exists(seeds))
        {
            throw new WccException($"seeds folder not found: {seeds}", "run from the repository root or pass --seeds DIR", exitCode: 2);
        }
        return
        [
            NoticeJob.Step(seeds),
        ];
    }

    /// <summary>Runs every step; <paramref name="onStep"/> reports progress (step index, step).</summary>
    public static IReadOnlyList<(BuildStep Step, RowCounts Counts)> Run(
        DuckDBConnection connection, BuildOptions options, Action<int, BuildStep>? onStep = null)
    {
        var steps = Steps(options);
        var results = new List<(BuildStep, RowCounts)>();
        using var tx = connection.BeginTransaction();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            onStep?.Invoke(i, step);
            var run = EtlRun.Start(connection, step.Job, step.InputPath, options.Clock());
            var counts = step.Run(connection, run);
            run.Succeed(counts, options.Clock());
            results.Add((step, counts));
        }
        tx.Commit();
        return results;
    }
}
