using System.CommandLine;
using Spectre.Console;
using Wcc.Analytics.Forecast;
using Wcc.Warehouse.Connection;

namespace Wcc.Cli.Commands;

/// <summary>`wcc forecast`: forecasts whether each target will be met, stores fact_forecast and prints a summary.</summary>
internal static class ForecastCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var asOf = new Option<int?>(OptionSpelling.Spell(InputOption.AsOfYear)) { Description = "use observations up to this year (default: the latest observation year)" };
        var command = new Command("forecast", "forecast whether each target will be met (all methods; stored in fact_forecast)") { db, asOf };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            using var connection = WarehouseFile.Open(parse.GetValue(db)!, WarehouseAccess.Update);
            var summary = ForecastRun.Execute(connection, parse.GetValue(asOf));
            var table = new Table().Border(TableBorder.Rounded).AddColumns("method", "status", "rows");
            foreach (var (method, status, count) in summary.Counts) table.AddRow(Markup.Escape(method), Markup.Escape(status), count.ToString());
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"截至 {summary.AsOfYear} 年: {summary.Cases} 个序列×目标, {summary.Rows} 行写入 fact_forecast");
            AnsiConsole.MarkupLine($"ml 训练样本 {summary.Ml.Rows} 条 (达标 {summary.Ml.Positives})"
                + (summary.Ml.FallbackReason is { } why ? $"; [yellow]{Markup.Escape(why)}, 改用 {summary.Ml.MethodUsed}[/]" : ""));
            foreach (var note in summary.SkippedSeries) AnsiConsole.MarkupLine($"[yellow]跳过[/] {Markup.Escape(note)}");
            AnsiConsole.MarkupLine($"默认方法: [green]{Markup.Escape(summary.Default.Method)}[/] ({Markup.Escape(summary.Default.Note)})");
            if (summary.BacktestCutoffs.Count > 0)
            {
                AnsiConsole.MarkupLine($"回测(截点 {string.Join("、", summary.BacktestCutoffs)} 年)已与预测一并存储,评估报告直接读取");
            }
            return 0;
        }));
        return command;
    }
}
