using DuckDB.NET.Data;
using Wcc.Reports.Charts;
using Wcc.Reports.Planning.Draft;
using Wcc.Reports.Planning.Model;
using Wcc.Reports.Planning.Output;
using Wcc.Reports.Planning.Scenarios;
using Wcc.Reports.Planning.Store;
using Wcc.Reports.Planning.Workload;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Files;

namespace Wcc.Reports.Planning;

/// <summary>What `wcc plan` produced: the scenarios computed, the files written and a short Chinese summary.</summary>
public sealed record PlanRunResult(
    int AsOfYear, int FirstPlanYear, int HorizonYear, IReadOnlyList<ScenarioResult> Scenarios,
    IReadOnlyList<PlanWorkloadResult> Workloads, IReadOnlyList<string> Files, IReadOnlyList<string> Summary);

/// <summary>`wcc plan`: models next-cycle targets and the division of work under the baseline and each scenario.</summary>
/// <remarks>
/// Order matters for "nothing written on bad input": every scenario is read and validated, every draft notice is
/// proven to read back, before the warehouse is touched (one transaction) and before any file is written.
/// </remarks>
public static class PlanningRun
{
    /// <summary>The command whose output this is, as recorded in the folder's manifest.</summary>
    public const string Command = "wcc plan";

    /// <summary>Runs the plan; throws <see cref="WccException"/> on bad input with nothing written.</summary>
    public static PlanRunResult Execute(DuckDBConnection connection, PlanOptions options)
    {
        ChartFont.Require();
        var context = PlanContext.Read(connection, options.HorizonYear, options.AsOfYear);
        var sources = options.ScenarioFiles.Select(ScenarioFile.Read).ToList();
        var scenarios = new List<PlanScenario> { PlanScenario.BaselineFor(context) };
        foreach (var source in sources)
        {
            var scenario = ScenarioValidator.Validate(source, context);
            if (scenarios.Any(s => s.Id == scenario.Id))
            {
                throw source.Error("$.id", $"scenario id `{scenario.Id}` is used by another scenario file of this run", "give each scenario its own id");
            }
            scenarios.Add(scenario);
        }

        var baselinePaths = PlanProjections.Baseline(context);
        var results = new List<ScenarioResult>();
        var drafts = new List<(string Id, string Text)>();
        foreach (var scenario in scenarios)
        {
            var division = DivisionPlanner.Plan(context, scenario);
            var text = DraftNotice.Render(context, scenario, division);
            DraftNotice.Verify(text, division, DraftFileName(scenario, context) + ".txt");
            drafts.Add((scenario.Id, text));
            results.Add(new ScenarioResult(scenario,
                scenario.IsBaseline ? baselinePaths : PlanProjections.ScenarioPaths(context, scenario),
                scenario.Targets.Select(t => PlanProjections.Assess(context, scenario.Id, t)).ToList(),
                division));
        }

        // The files are staged inside the transaction, so a write that fails (a full disk) rolls the plan_* tables back
        // too; the folder is swapped in after the commit (only its final check and rename can still fail then).
        return StagedOutputFolder.Write(options.OutputDirectory, options.Overwrite, Command, folder =>
        {
            var workloads = new List<PlanWorkloadResult>();
            IReadOnlyList<string> files;
            (IReadOnlyList<string> Files, IReadOnlyList<string> Summary) comparison;
            using (var tx = connection.BeginTransaction())
            {
                PlanStore.Replace(connection, context, results);
                workloads.AddRange(results.Select(r => PlanWorkload.Measure(connection, context, r.Scenario.Id)));
                var named = drafts.Select(d => (d.Id, Stem: DraftFileName(results.First(r => r.Scenario.Id == d.Id).Scenario, context), d.Text,
                    results.First(r => r.Scenario.Id == d.Id).Division)).ToList();
                files = PlanOutput.Write(folder.Staging, context, results, workloads, named.Select(d => (d.Stem, d.Text, d.Division)).ToList());
                comparison = DraftComparison.Write(connection, folder.Staging, named);
                tx.Commit();
            }
            return new PlanRunResult(context.AsOfYear, context.FirstPlanYear, context.HorizonYear, results, workloads,
                files.Concat(comparison.Files).Select(folder.Final).ToList(), [.. PlanSummary.Lines(context, results, workloads), .. comparison.Summary]);
        });
    }

    private static string DraftFileName(PlanScenario scenario, PlanContext context) =>
        $"{scenario.Id}-{context.FirstPlanYear}-{context.HorizonYear}-draft-notice";
}
