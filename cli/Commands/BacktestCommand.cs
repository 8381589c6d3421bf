using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Wcc.Analytics.Forecast.Backtest;
using Wcc.Analytics.Forecast.Methods;
using Wcc.Warehouse.Connection;

namespace Wcc.Cli.Commands;

/// <summary>`wcc backtest --cutoff YEAR`: hides later observations, forecasts each target's deadline and scores every method.</summary>
internal static class BacktestCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var cutoff = new Option<int>(OptionSpelling.Spell(InputOption.CutoffYear)) { Description = "hide every observation after this year", Required = true };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("backtest", "score the forecast methods against observed deadlines") { cutoff, db, format };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            using var connection = WarehouseFile.Open(parse.GetValue(db)!, WarehouseAccess.ReadOnly);
            BacktestRun.ValidateCutoff(connection, parse.GetValue(cutoff));
            var report = BacktestRun.Execute(connection, parse.GetValue(cutoff));
            if (parse.GetValue(format) == "json")
            {
                Console.Out.WriteLine(BacktestJson.Write(report));
                return 0;
            }
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumns("method", "n", "acc", "brier", "logloss", "auc", "mae", "cov80", "raw", "scale by horizon");
            foreach (var m in report.Methods)
            {
                table.AddRow(m.Method, m.N.ToString(CultureInfo.InvariantCulture), F(m.Accuracy), F(m.Brier), F(m.LogLoss), F(m.Auc), F(m.Mae),
                    F(m.Coverage), F(m.RawCoverage), m.IntervalScale is { } f ? new IntervalScale(f).ToString() : "—");
            }
            AnsiConsole.Write(table);
            var reliability = new Table().Border(TableBorder.Rounded).Title("reliability: mean P(met) → share met (n)").AddColumn("P(met)");
            foreach (var m in report.Methods) reliability.AddColumn(m.Method);
            for (var b = 0; b < Scoring.ReliabilityBins; b++)
            {
                var cells = new List<string> { $"{(double)b / Scoring.ReliabilityBins:0.0}-{(double)(b + 1) / Scoring.ReliabilityBins:0.0}" };
                foreach (var m in report.Methods)
                {
                    var bin = m.Reliability is { Count: > 0 } r ? r[b] : null;
                    cells.Add(bin is { N: > 0 } ? $"{F(bin.MeanPredicted)} → {F(bin.ObservedShare)} ({bin.N})" : "—");
                }
                reliability.AddRow(cells.ToArray());
            }
            AnsiConsole.Write(reliability);
            AnsiConsole.MarkupLine("cov80: 80% 区间覆盖率(校准后); raw: 校准前; scale: 按预测年限 1/2/3/4/5+ 年的区间缩放系数");
            foreach (var note in report.Skipped) AnsiConsole.MarkupLine($"[yellow]跳过[/] {Markup.Escape(note)}");
            AnsiConsole.MarkupLine($"截点 {report.Cutoff} 年; ml 训练样本 {report.Ml.Rows} 条"
                + (report.Ml.FallbackReason is { } why ? $" ([yellow]{Markup.Escape(why)}[/], 改用 {report.Ml.MethodUsed})" : ""));
            AnsiConsole.MarkupLine(report.Best is { } best
                ? $"Brier 最低: [green]{best.Method}[/] ({F(best.Brier)})"
                : "[yellow]没有可评分的预测: 截点之后的目标截止年无观测值[/]");
            return 0;
        }));
        return command;
    }

    private static string F(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "—";
}
