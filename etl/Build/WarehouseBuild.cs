using DuckDB.NET.Data;
using Wcc.Etl.Audit;
using Wcc.Etl.Notice;
using Wcc.Etl.Seeds;
using Wcc.Etl.Synthetic;
using Wcc.Notice;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Etl.Build;

/// <summary>Options of <c>wcc build</c>.</summary>
/// <param name="SeedsDirectory">Folder holding the notice text and the reference CSVs.</param>
/// <param name="Clock">Source of the timestamps written to <c>etl_run</c>; tests pin it.</param>
/// <param name="SyntheticSeed">Seed of the synthetic history; null builds without synthetic data.</param>
public sealed record BuildOptions(string SeedsDirectory, Func<DateTime> Clock, int? SyntheticSeed = SyntheticHistoryJob.DefaultSeed);

/// <summary>Builds the warehouse from <c>seeds/</c>: every step in one transaction, so a failure leaves the file as it was.</summary>
public static class WarehouseBuild
{
    /// <summary>Reference CSVs in the seeds folder.</summary>
    public const string AreasFile = "areas.csv", UnitsFile = "units.csv", IndicatorsFile = "indicators.csv", TargetsFile = "targets.csv",
        AuditRulesFile = "audit_rules.csv", ReferenceValuesFile = "reference_values.csv";

    /// <summary>The steps in dependency order (units and areas before the facts that name them).</summary>
    public static IReadOnlyList<BuildStep> Steps(BuildOptions options)
    {
        var seeds = options.SeedsDirectory;
        if (!Directory.Exists(seeds))
        {
            throw new WccException($"seeds folder not found: {seeds}", $"run from the repository root or pass {InputOption.SeedsFolder.Ref()} DIR", exitCode: 2);
        }
        var areas = Path.Combine(seeds, AreasFile);
        var units = Path.Combine(seeds, UnitsFile);
        var indicators = Path.Combine(seeds, IndicatorsFile);
        var targets = Path.Combine(seeds, TargetsFile);
        var auditRules = Path.Combine(seeds, AuditRulesFile);
        var referenceValues = Path.Combine(seeds, ReferenceValuesFile);
        IReadOnlyList<SyntheticObservation> revisions = [];
        List<BuildStep> steps =
        [
            new BuildStep(AreaSeedJob.Job, "载入行政区划", areas, (c, run) => AreaSeedJob.Run(c, run, areas)),
            new BuildStep(UnitSeedJob.Job, $"载入{RoleVocabulary.ResponsibleUnits}", units, (c, run) => UnitSeedJob.Run(c, run, units)),
            new BuildStep(IndicatorSeedJob.Job, "载入监测指标", indicators, (c, run) => IndicatorSeedJob.Run(c, run, indicators)),
            NoticeJob.Step(seeds, options.Clock), // fills dim_chapter/dim_task, which targets check task_no against
            new BuildStep(TargetSeedJob.Job, "载入目标值", targets, (c, run) => TargetSeedJob.Run(c, run, targets)),
            new BuildStep(ReferenceValueSeedJob.Job, "载入公开发布的参照值", referenceValues, (c, run) => ReferenceValueSeedJob.Run(c, run, referenceValues)),
            new BuildStep(AuditRuleSeedJob.Job, "载入审核规则", auditRules, (c, run) => AuditRuleSeedJob.Run(c, run, auditRules)),
        ];
        if (options.SyntheticSeed is { } seed)
        {
            // The revisions are a second run so that each superseded value keeps the load that first wrote it.
            steps.Add(new BuildStep(LoadJobs.SyntheticHistory, "生成合成监测数据(2010-2020)", null,
                (c, run) => SyntheticHistoryJob.LoadInitial(c, run, seed, out revisions)));
            steps.Add(new BuildStep(LoadJobs.SyntheticRevisions, "生成数据修订记录", null,
                (c, run) => SyntheticHistoryJob.LoadRevisions(c, run, revisions)));
            steps.Add(new BuildStep(LoadJobs.SyntheticProgress, "生成任务进展报告(2018-2020)", null,
                (c, run) => SyntheticProgressJob.Run(c, run, seed)));
        }
        return steps;
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
