using DuckDB.NET.Data;
using Wcc.Etl.Audit;
using Wcc.Etl.Build;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Files;

namespace Wcc.Etl.Observations;

/// <summary>Options of one <c>wcc load</c>.</summary>
/// <param name="ObservationFiles">Long-CSV observation files, loaded in the order given (a later file supersedes an earlier one).</param>
/// <param name="Clock">Timestamps for etl_run; tests pin it.</param>
/// <param name="ReferenceSteps">Reference-file loaders (indicators, targets, areas) run first, in the same transaction; the integrator wires the seed jobs here.</param>
/// <param name="ForceDotNetDecoding">Always decode and parse in .NET, even clean files (tests use it to cover both routes).</param>
/// <param name="DisableFastPath">Always run the general checks (tests compare both passes on the same file).</param>
/// <param name="Vectors">How the fast path reads DuckDB's vectors; null: <see cref="VectorPointers.Default"/> (tests force the fallback).</param>
/// <param name="Warnings">Where warnings go (the value-by-value fallback of the vector reads); null: the console's error stream.</param>
public sealed record ObservationLoadOptions(
    IReadOnlyList<string> ObservationFiles,
    Func<DateTime> Clock,
    IReadOnlyList<BuildStep>? ReferenceSteps = null,
    bool ForceDotNetDecoding = false,
    bool DisableFastPath = false,
    VectorPointers? Vectors = null,
    TextWriter? Warnings = null);

/// <summary>Result for one observation file.</summary>
/// <param name="Pass">fast (one parallel insert, see <see cref="ObservationFastPath"/>) or general (<see cref="ObservationChecks"/>).</param>
/// <param name="VectorRead">How the fast path read DuckDB's vectors (<see cref="VectorPointers.Mode"/>: in_place, or fallback, which
/// is slower and was warned about), or null when the fast path was not tried.</param>
public sealed record ObservationFileResult(string FilePath, int LoadId, string Route, string Encoding, FileOutcome Outcome, string Pass = "general",
    string? VectorRead = null);

/// <summary>Result of a whole load: the reference steps' counts and one entry per observation file.</summary>
public sealed record ObservationLoadResult(
    IReadOnlyList<(BuildStep Step, RowCounts Counts)> ReferenceResults,
    IReadOnlyList<ObservationFileResult> Files)
{
    /// <summary>Rows read from every observation file.</summary>
    public long RowsIn => Files.Sum(f => f.Outcome.In);

    /// <summary>Rows now in the warehouse (including unchanged ones).</summary>
    public long RowsLoaded => Files.Sum(f => f.Outcome.Loaded);

    /// <summary>Rows refused into etl_reject.</summary>
    public long RowsRejected => Files.Sum(f => f.Outcome.Rejected);

    /// <summary>Loaded rows that carry a warning.</summary>
    public long RowsWarned => Files.Sum(f => f.Outcome.Warned);
}

/// <summary>`wcc load`: loads observation files into fact_observation with every row accounted for, all in one transaction.</summary>
public static class ObservationLoad
{
    /// <summary>Share of a file's progress spent staging it; the checks take the rest.</summary>
    private const double StagingShare = 0.6;

    /// <summary>Runs the load; on any error nothing is written (the transaction rolls back).</summary>
    /// <param name="progress">Fraction done, 0..1, weighted by file size.</param>
    public static ObservationLoadResult Run(DuckDBConnection connection, ObservationLoadOptions options, IProgress<double>? progress = null)
    {
        foreach (var file in options.ObservationFiles)
        {
            if (!File.Exists(file)) throw new WccException($"observation file not found: {file}", $"check the path given to {InputOption.ObservationFile.Ref()}", exitCode: 2);
            InputFile.RequireReadable(file, InputOption.ObservationFile.Ref());
        }
        var sizes = options.ObservationFiles.Select(f => Math.Max(1L, new FileInfo(f).Length)).ToList();
        var total = (double)sizes.Sum();
        var done = 0L;
        var references = new List<(BuildStep, RowCounts)>();
        var files = new List<ObservationFileResult>();
        var vectors = options.Vectors ?? VectorPointers.Default;
        var warned = false;

        using var tx = connection.BeginTransaction();
        foreach (var step in options.ReferenceSteps ?? [])
        {
            var run = EtlRun.Start(connection, step.Job, step.InputPath, options.Clock());
            var counts = step.Run(connection, run);
            run.Succeed(counts, options.Clock());
            references.Add((step, counts));
        }
        progress?.Report(0);
        for (var i = 0; i < options.ObservationFiles.Count; i++)
        {
            var path = options.ObservationFiles[i];
            ObservationStaging.Create(connection);
            var staged = ObservationStaging.Stage(connection, path, options.ForceDotNetDecoding);
            try
            {
                progress?.Report((done + sizes[i] * StagingShare) / total);

                // The hash is still being computed: the run is opened without it and given it before it closes.
                var run = EtlRun.Start(connection, ObservationFormat.Job, path, options.Clock(), fileSha256: "");
                var tryFast = !options.DisableFastPath && ObservationFastPath.Applies(staged);
                if (tryFast && !vectors.InPlace && !warned)
                {
                    // Never silent: the fallback is correct but slower, and someone must update the adapter.
                    (options.Warnings ?? Console.Error).WriteLine(vectors.Warning);
                    warned = true;
                }
                var fast = tryFast ? ObservationFastPath.TryApply(connection, staged, path, run.LoadId, DefaultSource(path), vectors) : null;
                var outcome = fast ?? ObservationChecks.Apply(connection, staged.SourceSql, staged.DataLines, run.LoadId, path, DefaultSource(path));
                var pass = fast is null ? "general" : "fast";
                var vectorRead = tryFast ? vectors.Mode : null;
                var message = $"route={staged.Route} encoding={staged.Encoding} pass={pass} unchanged={outcome.Unchanged} superseded={outcome.Superseded}"
                              + (vectorRead is null ? "" : $" vector_read={vectorRead}");
                run.RecordFileSha256(staged.Sha256.GetAwaiter().GetResult());
                run.Succeed(new RowCounts(outcome.In, outcome.Loaded, outcome.Rejected, outcome.Warned), options.Clock(), message);
                files.Add(new ObservationFileResult(path, run.LoadId, staged.Route, staged.Encoding, outcome, pass, vectorRead));
            }
            finally
            {
                staged.DeleteTemporaryFile();
            }
            done += sizes[i];
            progress?.Report(done / total);
        }
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"DROP TABLE IF EXISTS {ObservationStaging.StageTable}";
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
        return new ObservationLoadResult(references, files);
    }

    /// <summary>Rows without a source column are attributed to the file they came from.</summary>
    private static string DefaultSource(string path) => "file:" + Path.GetFileName(path);
}
