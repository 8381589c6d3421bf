using Wcc.Benchmarks;

// wcc-bench SUBCOMMAND [options]: one file per benchmark; this only dispatches.
return args.FirstOrDefault() switch
{
    "forecast" => ForecastBenchmark.Run(args[1..], Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: wcc-bench forecast [--series N] [--db PATH]");
    return 2;
}
