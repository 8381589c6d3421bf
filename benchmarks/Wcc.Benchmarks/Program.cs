using Wcc.Benchmarks;

// wcc-bench SUBCOMMAND [options]: one file per benchmark; this only dispatches.
return args.FirstOrDefault() switch
{
    "forecast" => ForecastBenchmark.Run(args[1..], Console.Out),
    "ingest" => Ingest(args[1..]),
    "pack" => PackBenchmark.Run(args[1..], Console.Out),
    "collect" => CollectBenchmark.Run(args[1..], Console.Out),
    "open" => OpenBenchmark.Run(args[1..], Console.Out),
    "notice" => NoticeBenchmark.Run(args[1..], Console.Out),
    "notice-load" => NoticeLoadBenchmark.Run(args[1..], Console.Out),
    _ => Usage(),
};

static int Ingest(string[] args)
{
    var rows = IngestBenchmark.DefaultRows;
    var repeats = IngestBenchmark.DefaultRepeats;
    var badValues = false;
    var gb18030 = false;
    var general = false;
    for (var i = 0; i < args.Length; i++)
    {
        if (args[i] == "--rows" && i + 1 < args.Length && long.TryParse(args[++i].Replace("_", ""), out var n) && n > 0) rows = n;
        else if (args[i] == "--repeat" && i + 1 < args.Length && int.TryParse(args[++i], out var k) && k > 0) repeats = k;
        else if (args[i] == "--bad-values") badValues = true;
        else if (args[i] == "--gb18030") gb18030 = true;
        else if (args[i] == "--general") general = true;
        else
        {
            Console.Error.WriteLine($"unknown or invalid argument: {args[i]}");
            return 2;
        }
    }
    return IngestBenchmark.Run(rows, repeats, badValues, Console.Out, gb18030, general);
}

static int Usage()
{
    Console.Error.WriteLine("usage: wcc-bench forecast [--series N] [--db PATH] | ingest [--rows N] [--repeat K] [--bad-values] [--gb18030] [--general] | pack [--observations N] | collect [--faulty SHARE] | open [--observations N] | notice [--count N] | notice-load [--count N] | sql [ROWS ...]");
    return 2;
}
