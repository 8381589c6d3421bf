using DuckDB.NET.Data;
using Wcc.Analytics.Planning.Model;
using Wcc.Reports.Compare;
using Wcc.Reports.Compare.Model;
using Wcc.Reports.Compare.Output;
using Wcc.Reports.Compare.Store;
using Wcc.Warehouse.Schema;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Reports.Planning.Output;

/// <summary>Each scenario's draft notice compared with the notice it follows, by the cycle comparison engine: the same
/// page, chart and CSVs as `wcc report compare`, in comparison/SCENARIO/ of the plan's folder.</summary>
public static class DraftComparison
{
    /// <summary>Folder of the comparisons in the plan's output.</summary>
    public const string Folder = "comparison";

    /// <summary>Compares every draft with the default notice and writes the reports; returns the files and one summary line per scenario.</summary>
    /// <param name="drafts">Scenario id, draft file stem, draft text and the scenario's division (its renames are the plan's).</param>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Summary) Write(
        DuckDBConnection connection, string directory, IReadOnlyList<(string ScenarioId, string FileStem, string Text, DivisionOfWork Division)> drafts)
    {
        var priorId = CurrentNotice.Id(connection) ?? throw new InvalidOperationException("the plan read a notice, so the warehouse has a default one");
        var prior = NoticeSnapshotReader.Read(connection, priorId, "the plan's prior notice");
        var synthetic = NoticeSnapshotReader.AnySyntheticObservation(connection);
        var indicators = UnitSuccession.Indicators(connection);
        var (lead, responsible) = WorkloadShift.Weights(connection);
        var files = new List<string>();
        var lines = new List<string>();
        foreach (var (scenarioId, stem, text, division) in drafts)
        {
            var draft = NoticeSnapshot.FromText(stem, text, stem + ".txt", synthetic);
            // The plan's renames (dim_unit successors before the plan period and the scenario's own), as stored in plan_unit_rename.
            var renames = new UnitRenames(division.Renames.ToDictionary(r => r.UnitName, r => r.SuccessorName, StringComparer.Ordinal), null);
            var result = CycleComparison.Compare(prior, draft, renames, indicators);
            var shift = WorkloadShift.Measure(connection, result);
            files.AddRange(CompareReport.WriteInto(Path.Combine(directory, Folder, scenarioId), result, shift, lead, responsible).Files);
            lines.Add($"草案({scenarioId})与{prior.PeriodLabel}分工对比:延续{result.Matched.Count - result.Reassigned.Count}项,"
                + $"调整{RoleVocabulary.LeadUnits}{result.Reassigned.Count}项,新增{result.Added.Count}项,删除{result.Dropped.Count}项;"
                + $"目标提高{result.CountTargets(TargetChange.Raised)}个,降低{result.CountTargets(TargetChange.Lowered)}个,"
                + $"新增{result.CountTargets(TargetChange.New)}个,删除{result.CountTargets(TargetChange.Dropped)}个。");
        }
        return (files, lines);
    }
}
