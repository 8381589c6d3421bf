using DuckDB.NET.Data;
using Wcc.Analytics.Planning;
using Wcc.Reports.Planning;

namespace Wcc.Tests.Support;

/// <summary>`wcc plan` as the CLI composes it: planning (analytics) with the plan's renderer (reports).</summary>
public static class PlanRuns
{
    public static PlanRunResult<PlanReportOutput> Execute(DuckDBConnection connection, PlanOptions options) =>
        PlanningRun.Execute(connection, options, PlanReport.CheckReady, PlanReport.Render);
}
