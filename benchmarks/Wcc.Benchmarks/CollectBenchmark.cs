using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Wcc.Etl.Build;
using Wcc.Etl.Collection;
using Wcc.Warehouse.Connection;

namespace Wcc.Benchmarks;

/// <summary>`wcc-bench collect`: time and peak memory of writing every reporting unit's form, then of auditing and loading a
/// full round of returns (every cell filled, a share of them faulty) on the default warehouse.</summary>
public static class CollectBenchmark
{
    /// <summary>The round the benchmark sends.</summary>
    public const int Round = 2020;

    /// <summary>Share of value cells made faulty when --faulty is not given (the issue's 5%).</summary>
    public const double DefaultFaultyShare = 0.05;

    /// <summary>Seed of the choice of faulty cells, so runs are comparable.</summary>
    private const int Seed = 20;

    public static int Run(string[] args, TextWriter output)
    {
        var faulty = DefaultFaultyShare;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--faulty" && i + 1 < args.Length && double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f is >= 0 and <= 1) faulty = f;
            else
            {
                Console.Error.WriteLine($"unknown or invalid argument: {args[i]}");
                return 2;
            }
        }
        var work = Directory.CreateTempSubdirectory("wcc-bench-collect-");
        try
        {
            var db = Path.Combine(work.FullName, "bench.duckdb");
            using var connection = WarehouseFile.Open(db, WarehouseAccess.ReadWrite);
            WarehouseBuild.Run(connection, new BuildOptions(PackBenchmark.FindSeeds(), () => new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
            var clock = () => new DateTime(2021, 2, 1, 0, 0, 0, DateTimeKind.Utc);

            IReadOnlyList<TemplateFile> forms = [];
            Measure(output, "templates, all reporting units", () =>
            {
                forms = TemplateJob.Run(connection, new TemplateOptions(Round, [], Path.Combine(work.FullName, "forms"), clock));
                return $"{forms.Count} forms, {forms.Sum(f => f.IndicatorCells)} value cells, {forms.Sum(f => f.Tasks)} progress rows";
            });

            var random = new Random(Seed);
            var returns = Directory.CreateDirectory(Path.Combine(work.FullName, "returns")).FullName;
            var faults = 0;
            var files = forms.Select(f =>
            {
                var path = Path.Combine(returns, Path.GetFileName(f.Path));
                File.Copy(f.Path, path);
                faults += Fill(path, random, faulty);
                return path;
            }).ToList();
            output.WriteLine($"filled {files.Count} returns, {faults} faulty value cells");

            Measure(output, "audit and load, full round", () =>
            {
                var results = IntakeJob.Run(connection, new IntakeOptions(files, Round, Path.Combine(work.FullName, "feedback"), clock));
                return $"read {results.Sum(r => r.Read)} = loaded {results.Sum(r => r.Loaded)} + returned {results.Sum(r => r.Returned)} + rejected {results.Sum(r => r.Rejected)}"
                    + $" + empty {results.Sum(r => r.Empty)} + missing {results.Sum(r => r.Missing)}; {results.Count} feedback workbooks";
            });
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void Measure(TextWriter output, string label, Func<string> run)
    {
        var resettable = PeakMemory.Reset();
        var clock = Stopwatch.StartNew();
        var what = run();
        clock.Stop();
        output.WriteLine($"{label}: {clock.Elapsed.TotalSeconds:0.00} s, peak memory {PeakMemory.Gib(PeakMemory.Bytes())}{(resettable ? "" : " (process peak)")}; {what}");
    }

    /// <summary>Fills every value cell (last year's value nudged) and progress row; a share of value cells get a fault:
    /// text, a value out of bounds, or a jump from last year without an explanation. Returns the number of faults.</summary>
    private static int Fill(string path, Random random, double faultyShare)
    {
        using var document = SpreadsheetDocument.Open(path, true);
        var faults = 0;
        foreach (var part in document.WorkbookPart!.WorksheetParts)
        {
            var data = part.Worksheet.GetFirstChild<SheetData>()!;
            var header = data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == CollectionLayout.HeaderRow);
            if (header is null) continue;
            var columns = header.Elements<Cell>().ToDictionary(c => c.InlineString?.InnerText ?? "", c => SheetBuilder.ColumnIndex(c.CellReference!));
            foreach (var row in data.Elements<Row>().Where(r => r.RowIndex!.Value > CollectionLayout.HeaderRow))
            {
                if (columns.TryGetValue(CollectionLayout.Value, out var valueColumn))
                {
                    var last = row.Elements<Cell>().FirstOrDefault(c => SheetBuilder.ColumnIndex(c.CellReference!) == valueColumn - 1)?.CellValue?.Text;
                    var value = last is null ? 1 : double.Parse(last, CultureInfo.InvariantCulture) * 0.999;
                    var cell = row.Elements<Cell>().First(c => SheetBuilder.ColumnIndex(c.CellReference!) == valueColumn);
                    if (random.NextDouble() < faultyShare)
                    {
                        faults++;
                        switch (random.Next(3))
                        {
                            case 0: cell.DataType = CellValues.InlineString; cell.InlineString = new InlineString(new Text("约九成")); continue;
                            case 1: value = -1e6; break;
                            default: value = value * 3 + 50; break;
                        }
                    }
                    cell.CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture));
                }
                else if (columns.TryGetValue(CollectionLayout.Status, out var statusColumn))
                {
                    var cell = row.Elements<Cell>().First(c => SheetBuilder.ColumnIndex(c.CellReference!) == statusColumn);
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(Wcc.Etl.Progress.ProgressStatus.InProgress));
                }
            }
        }
        return faults;
    }
}
