using DuckDB.NET.Data;
using Wcc.Etl.Audit;

namespace Wcc.Etl.Build;

/// <summary>One ETL job of <c>wcc build</c>: reads one input and replaces what it owns in the warehouse.</summary>
/// <param name="Job">The name recorded in <c>etl_run.job</c>.</param>
/// <param name="Description">What the progress display shows, in Chinese for the office.</param>
/// <param name="InputPath">The file the job reads, or null for generated data.</param>
/// <param name="Run">Loads the input inside the build's transaction; must not open its own.</param>
public sealed record BuildStep(string Job, string Description, string? InputPath, Func<DuckDBConnection, EtlRun, RowCounts> Run);
