using Wcc.Etl.Progress;
using Bogus;
using DuckDB.NET.Data;
using Wcc.Etl.Audit;

namespace Wcc.Etl.Synthetic;

/// <summary>Generates yearly progress reports (2018-2020) for every task x unit assignment, source = 'synthetic'.</summary>
/// <remarks>
/// Statuses drift the way real reports do: mostly in progress early, mostly completed by the last year, with a few
/// units stuck at not started or lagging so the workload report can show delivery beside load.
/// </remarks>
public static class SyntheticProgressJob
{
    /// <summary>The reporting years of the 2018-2020 notice.</summary>
    public static readonly int[] ReportYears = [2018, 2019, 2020];

    private static readonly string[] Achievements =
    [
        "已制定年度工作方案并分解到科室", "召开专题推进会，明确责任分工", "完成阶段性目标，形成工作台账",
        "开展专项督查，问题清单逐项整改", "会同相关单位联合开展宣传活动", "建立季度通报机制，按月调度进展",
    ];

    private static readonly string[] Obstacles =
    [
        "经费尚未落实到位", "相关配套政策仍在制定中", "基层人员力量不足", "部门间协调机制有待完善",
    ];

    /// <summary>Replaces synthetic progress rows with freshly generated ones.</summary>
    public static RowCounts Run(DuckDBConnection connection, EtlRun run, int seed)
    {
        var random = new Randomizer(seed);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "DELETE FROM fact_task_progress WHERE source = $source";
            cmd.Parameters.Add(new DuckDBParameter("source", SyntheticHistoryJob.Source));
            cmd.ExecuteNonQuery();
        }
        var assignments = new List<(int Task, string Unit, string Notice)>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT task_no, unit_name, notice_id FROM current_notice_assignment() GROUP BY ALL ORDER BY ALL";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) assignments.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        }
        var rows = 0;
        using (var appender = connection.CreateAppender("fact_task_progress"))
        {
            foreach (var (task, unit, notice) in assignments)
            {
                // A unit's "pace" persists across years: a late starter tends to stay behind.
                var pace = random.Double();
                foreach (var year in ReportYears)
                {
                    var status = Status(pace, year, random);
                    var narrative = Narrative(status, year, random);
                    var reportDate = new DateOnly(year, 12, random.Int(10, 28));
                    appender.CreateRow().AppendValue(task).AppendValue(unit).AppendValue(year).AppendValue(status)
                        .AppendValue(narrative).AppendValue(reportDate).AppendValue(SyntheticHistoryJob.Source)
                        .AppendNullValue().AppendNullValue().AppendNullValue() // evidence, completion date, load: collected rows only
                        .AppendValue(notice).EndRow();
                    rows++;
                }
            }
        }
        return new RowCounts(rows, rows, 0);
    }

    private static string Status(double pace, int year, Randomizer random)
    {
        var stage = year - ReportYears[0]; // 0, 1, 2
        var score = pace + stage * 0.35 + random.Double(-0.1, 0.1);
        if (score < 0.12) return ProgressStatus.NotStarted;
        if (score < 0.3) return ProgressStatus.Lagging;
        return stage == ReportYears.Length - 1 && score > 0.75 ? ProgressStatus.Completed : ProgressStatus.InProgress;
    }

    private static string Narrative(string status, int year, Randomizer random) =>
        status == ProgressStatus.Completed ? $"{year}年{random.ArrayElement(Achievements)}，目标任务已全面完成。"
        : status == ProgressStatus.InProgress ? $"{year}年{random.ArrayElement(Achievements)}，各项工作按计划推进。"
        : status == ProgressStatus.Lagging ? $"{year}年工作进度{status}，主要原因是{random.ArrayElement(Obstacles)}，已提出整改措施。"
        : $"{year}年尚{status}，{random.ArrayElement(Obstacles)}。";
}
