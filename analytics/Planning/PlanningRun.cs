using DuckDB.NET.Data;
using Wcc.Analytics.Planning.Draft;
using Wcc.Analytics.Planning.Model;
using Wcc.Analytics.Planning.Scenarios;
using Wcc.Analytics.Planning.Store;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Files;

namespace Wcc.Analytics.Planning;

/// <summary>What `wcc plan` computed and stored, and what its renderer wrote.</summary>
public sealed record PlanRunResult<TRendering>(
    int AsOfYear, int FirstPlanYear, int HorizonYear, IReadOnlyList<ScenarioResult> Scenarios, TRendering Rendering);

/// <summary>A draft notice of one scenario: its scenario, the file stem it is written under, its text and the division it states.</summary>
public sealed record PlanDraft(string ScenarioId, string FileStem, string Text, DivisionOfWork Division);

/// <summary>
/// What the plan's outputs are made of, handed to the renderer once the plan_* tables hold this run (inside the same
/// transaction, so the renderer reads what was just stored).
/// </summary>
public sealed record PlanRendering(DuckDBConnection Connection, string Directory, PlanContext Context,
    IReadOnlyList<ScenarioResult> Results, IReadOnlyList<PlanDraft> Drafts);

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
    /// <param name="checkRenderer">Fails before anything is computed when the outputs cannot be rendered here (no CJK font).</param>
    /// <param name="render">Writes the output files from the stored plan; returns what it wrote. Planning computes and
    /// stores facts; rendering lives in reports, which analytics does not reference, so the caller hands it in.</param>
    public static PlanRunResult<TRendering> Execute<TRendering>(
        DuckDBConnection connection, PlanOptions options, Action checkRenderer, Func<PlanRendering, TRendering> render)
        where TRendering : IPlanOutput
    {
        checkRenderer();
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
        var drafts = new List<PlanDraft>();
        foreach (var scenario in scenarios)
        {
            var division = DivisionPlanner.Plan(context, scenario);
            var text = DraftNotice.Render(context, scenario, division);
            var stem = DraftFileName(scenario, context);
            DraftNotice.Verify(text, division, stem + ".txt");
            drafts.Add(new PlanDraft(scenario.Id, stem, text, division));
            results.Add(new ScenarioResult(scenario,
                scenario.IsBaseline ? baselinePaths : PlanProjections.ScenarioPaths(context, scenario),
                scenario.Targets.Select(t => PlanProjections.Assess(context, scenario.Id, t)).ToList(),
                division));
        }

        // The files are staged inside the transaction, so a write that fails (a full disk) rolls the plan_* tables back
        // too; the folder is swapped in after the commit (only its final check and rename can still fail then).
        return StagedOutputFolder.Write(options.OutputDirectory, options.Overwrite, Command, folder =>
        {
            TRendering rendering;
            using (var tx = connection.BeginTransaction())
            {
                PlanStore.Replace(connection, context, results);
                rendering = render(new PlanRendering(connection, folder.Staging, context, results, drafts));
                tx.Commit();
            }
            return new PlanRunResult<TRendering>(context.AsOfYear, context.FirstPlanYear, context.HorizonYear, results,
                (TRendering)rendering.WithFiles(rendering.Files.Select(folder.Final).ToList()));
        });
    }

    private static string DraftFileName(PlanScenario scenario, PlanContext context) =>
        $"{scenario.Id}-{context.FirstPlanYear}-{context.HorizonYear}-draft-notice";
}

/// <summary>What a renderer of the plan wrote: its files, which the staged folder maps to their final paths.</summary>
public interface IPlanOutput
{
    /// <summary>The files written, in a stable order.</summary>
    IReadOnlyList<string> Files { get; }

    /// <summary>The same output with its files at their final paths.</summary>
    IPlanOutput WithFiles(IReadOnlyList<string> files);
}
