using Wcc.Tests.Support;
using DuckDB.NET.Data;
using Wcc.Analytics.Forecast;
using Wcc.Reports.Pack;

namespace Wcc.Tests.Support;

/// <summary>`wcc pack` on a writer's connection as the CLI's pack job runs it: stale forecasts are recomputed and stored
/// by the analytics step, then the pack (reports) reads them.</summary>
public static class Packs
{
    public static PackResult Run(DuckDBConnection connection, PackOptions options, IProgress<PackProgress>? progress = null) =>
        EvaluationPack.Run(connection, options, progress, asOfYear => ForecastRun.Execute(connection, asOfYear));
}
