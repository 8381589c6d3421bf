using DuckDB.NET.Data;
using Wcc.Reports.Common;
using Wcc.Reports.Compare.Output;
using Wcc.Reports.Compare.Store;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Files;

namespace Wcc.Reports.Compare;

/// <summary>What `wcc report compare` produced: the comparison, its workload shift and the files written.</summary>
public sealed record CompareRunResult(CycleComparisonResult Comparison, ReportTable WorkloadShift, ReportOutput Output);

/// <summary>`wcc report compare`: two notices of the warehouse compared, written as a page, a chart and CSVs, all or nothing.</summary>
public static class CompareRun
{
    /// <summary>The command whose output this is, as recorded in the folder's manifest.</summary>
    public const string Command = "wcc report compare";

    /// <summary>Reads both notices, compares them and writes the output folder; bad input throws before anything is written.</summary>
    public static CompareRunResult Execute(DuckDBConnection connection, CompareOptions options)
    {
        if (options.FromNoticeId == options.ToNoticeId)
        {
            throw new WccException($"{InputOption.CompareFrom.Ref()} and {InputOption.CompareTo.Ref()} both name {options.FromNoticeId}: a notice compared with itself shows no change",
                $"name two different notices (the earlier cycle with {InputOption.CompareFrom.Ref()}, the later with {InputOption.CompareTo.Ref()})", exitCode: 2);
        }
        var result = Compare(connection, options.FromNoticeId, options.ToNoticeId);
        var shift = WorkloadShift.Measure(connection, result);
        var (lead, responsible) = WorkloadShift.Weights(connection);
        var output = StagedOutputFolder.Write(options.OutputDirectory, options.Overwrite, Command,
            folder => CompareReport.WriteInto(folder.Staging, result, shift, lead, responsible).Relocated(folder.Final));
        return new CompareRunResult(result, shift, output);
    }

    /// <summary>The comparison of two stored notices, units under the names they have in the later one's first year.</summary>
    public static CycleComparisonResult Compare(DuckDBConnection connection, string fromId, string toId)
    {
        var from = NoticeSnapshotReader.Read(connection, fromId, InputOption.CompareFrom.Ref());
        var to = NoticeSnapshotReader.Read(connection, toId, InputOption.CompareTo.Ref());
        return CycleComparison.Compare(from, to, UnitSuccession.Read(connection, UnitSuccession.YearOf(from, to)), UnitSuccession.Indicators(connection));
    }
}
