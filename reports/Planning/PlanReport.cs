using Wcc.Analytics.Planning;
using Wcc.Reports.Charts;
using Wcc.Reports.Planning.Output;
using Wcc.Reports.Planning.Workload;

namespace Wcc.Reports.Planning;

/// <summary>What the plan's renderer wrote: files, the weighted workload per scenario and a short Chinese summary.</summary>
public sealed record PlanReportOutput(IReadOnlyList<string> Files, IReadOnlyList<PlanWorkloadResult> Workloads, IReadOnlyList<string> Summary)
    : IPlanOutput
{
    IPlanOutput IPlanOutput.WithFiles(IReadOnlyList<string> files) => this with { Files = files };
}

/// <summary>
/// Renders `wcc plan`'s output folder (tables, charts, draft notices) from the plan_* tables of this run; handed to
/// <see cref="PlanningRun.Execute{TRendering}"/>, which computes and stores the plan first.
/// </summary>
public static class PlanReport
{
    /// <summary>Charts need a CJK font; checked before the plan is computed.</summary>
    public static void CheckReady() => ChartFont.Require();

    /// <summary>Measures the planned workload and writes every file of the plan's folder, the draft comparisons included.</summary>
    public static PlanReportOutput Render(PlanRendering plan)
    {
        var workloads = plan.Results.Select(r => PlanWorkload.Measure(plan.Connection, plan.Context, r.Scenario.Id)).ToList();
        var files = PlanOutput.Write(plan.Directory, plan.Context, plan.Results, workloads,
            plan.Drafts.Select(d => (d.FileStem, d.Text, d.Division)).ToList());
        // Each draft beside the cycle it follows (the default notice): tasks kept, added, dropped, reassigned; targets.
        var comparison = DraftComparison.Write(plan.Connection, plan.Directory,
            plan.Drafts.Select(d => (d.ScenarioId, d.FileStem, d.Text, d.Division)).ToList());
        return new PlanReportOutput([.. files, .. comparison.Files], workloads,
            [.. PlanSummary.Lines(plan.Context, plan.Results, workloads), .. comparison.Summary]);
    }

}
