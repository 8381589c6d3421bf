using Wcc.Benchmarks;

// wcc-bench ingest [--rows N]: times a bare DuckDB COPY against the full observation load on the same file.
if (args.Length == 0 || args[0] != "ingest")
{
    Console.Error.WriteLine("usage: wcc-bench ingest [--rows N]");
    return 2;
}
var rows = IngestBenchmark.DefaultRows;
for (var i = 1; i < args.Length; i++)
{
    if (args[i] == "--rows" && i + 1 < args.Length && long.TryParse(args[++i].Replace("_", ""), out var n) && n > 0) rows = n;
    else
    {
        Console.Error.WriteLine($"unknown or invalid argument: {args[i]}");
        return 2;
    }
}
return IngestBenchmark.Run(rows, Console.Out);
