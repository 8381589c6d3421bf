using System.Diagnostics;
using System.Globalization;
using System.Text;
using Wcc.Notice;

namespace Wcc.Benchmarks;

/// <summary>`wcc-bench notice [--count N]`: parses N synthetic notices written in the layouts of the public corpus
/// (tests/Notice/Corpus) and prints notices per second. The notices are generated, not real: their tasks and
/// units are drawn from small vocabularies, so the figure measures the parser, not the corpus.</summary>
public static class NoticeBenchmark
{
    /// <summary>Notices parsed when --count is not given (the issue's 1,000).</summary>
    public const int DefaultCount = 1000;

    /// <summary>Seed of the generator, so runs parse the same notices.</summary>
    internal const int Seed = 16;

    /// <summary>Tasks per generated notice: from a short county list to a provincial division of work.</summary>
    internal const int MinTasks = 5, MaxTasks = 80;

    private static readonly string[] Units =
    [
        "市妇联", "市教育局", "市卫健委", "市民政局", "市人社局", "市财政局", "市公安局", "团市委", "市总工会", "市残联",
        "市司法局", "市发改委", "市农业农村局", "市医保局", "市体育局", "市科协", "各区县政府", "市委宣传部",
    ];

    private static readonly string[] Actions = ["加强", "完善", "推进", "落实", "提高", "健全", "开展", "扩大"];

    private static readonly string[] Objects =
    [
        "妇女就业创业服务", "儿童健康管理", "学前教育普及", "两癌免费筛查", "家庭教育指导", "困境儿童保障", "妇女维权服务", "儿童之家建设",
    ];

    /// <summary>The layouts of the corpus, by the corpus notice that shows each.</summary>
    internal enum Layout { LabelledBrackets, ConventionLists, LabelLines, ChineseItems, ParenTortoise, CellPerLine, RowPerLine }

    public static int Run(string[] args, TextWriter output)
    {
        var count = DefaultCount;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--count" && i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) count = n;
            else
            {
                Console.Error.WriteLine($"unknown or invalid argument: {args[i]}");
                return 2;
            }
        }
        var work = Directory.CreateTempSubdirectory("wcc-bench-notice-");
        try
        {
            var random = new Random(Seed);
            var expected = new List<(string Path, List<string> Leads)>();
            long bytes = 0;
            for (var i = 0; i < count; i++)
            {
                var layout = (Layout)(i % Enum.GetValues<Layout>().Length);
                var (text, leads) = Generate(layout, random.Next(MinTasks, MaxTasks + 1), random);
                var path = Path.Combine(work.FullName, $"notice-{i:D4}-{layout}.txt");
                File.WriteAllText(path, text, new UTF8Encoding(false));
                bytes += new FileInfo(path).Length;
                expected.Add((path, leads));
            }

            // Wall time on a shared machine measures the neighbours too: CPU time of this process is reported beside it.
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var tasks = 0;
            var right = 0;
            foreach (var (path, leads) in expected)
            {
                var notice = NoticeFile.Parse(path);
                tasks += notice.Tasks.Count;
                right += notice.Tasks.Zip(leads).Count(p => p.First.Lead.Count > 0 && p.First.Lead[0] == p.Second);
            }
            var seconds = watch.Elapsed.TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"notice: {count} synthetic notices ({bytes / 1024.0 / 1024.0:F1} MiB, {tasks} tasks, 7 layouts of the corpus) parsed in {seconds:F2} s: " +
                $"{count / seconds:F0} notices/s, {tasks / seconds:F0} tasks/s (CPU {cpu:F2} s: {count / cpu:F0} notices per CPU second); lead right on {right}/{expected.Sum(e => e.Leads.Count)} generated tasks; peak {PeakMemory.Bytes() / 1024.0 / 1024 / 1024:F2} GiB"));
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>A synthetic notice in <paramref name="layout"/>, issued by <paramref name="place"/> (某市 by default), and its lead units in order.</summary>
    internal static (string Text, List<string> Leads) Generate(Layout layout, int taskCount, Random random, string place = "某市")
    {
        var text = new StringBuilder();
        text.AppendLine($"{place}人民政府办公室关于印发2021-2025年{place}妇女儿童重点工作责任分工的通知（合成数据）");
        text.AppendLine("某政办发〔2021〕12号");
        text.AppendLine("各区县政府，市政府各部门：");
        text.AppendLine(layout == Layout.ConventionLists ? "现将责任分工印发给你们，列第一位者为牵头单位，请认真落实。" : "现将责任分工印发给你们，请认真落实。");
        text.AppendLine($"{place}人民政府办公室");
        text.AppendLine("2021年3月1日");
        text.AppendLine($"2021-2025年{place}妇女儿童重点工作责任分工");
        if (layout == Layout.CellPerLine) text.AppendLine("领域\n主要目标\n主要责任单位\n责任单位");
        if (layout == Layout.RowPerLine) text.AppendLine("序号 工作任务 牵头单位 责任单位");
        var leads = new List<string>();
        var chapter = 0;
        var inChapter = 0;
        for (var no = 1; no <= taskCount; no++)
        {
            if (inChapter == 0 || (inChapter >= 2 && random.Next(8) == 0))
            {
                chapter++;
                inChapter = 0;
                if (layout is not (Layout.CellPerLine or Layout.RowPerLine or Layout.ChineseItems)) text.AppendLine($"{Chinese(chapter)}、第{Chinese(chapter)}领域重点工作");
            }
            inChapter++;
            // A flattened row cannot show an empty cell, so rows always name a responsible unit.
            var units = Units.OrderBy(_ => random.Next()).Take(random.Next(layout == Layout.RowPerLine ? 2 : 1, 5)).ToList();
            leads.Add(units[0]);
            var body = $"{Actions[random.Next(Actions.Length)]}{Objects[random.Next(Objects.Length)]}，到2025年覆盖率达到{random.Next(60, 100)}%以上。";
            var rest = string.Join("、", units.Skip(1));
            var number = layout is Layout.CellPerLine ? inChapter : no;
            switch (layout)
            {
                case Layout.LabelledBrackets:
                    text.AppendLine($"{number}.{body}（牵头单位：{units[0]}{(rest.Length > 0 ? "；责任单位：" + rest : "")}）");
                    break;
                case Layout.ConventionLists:
                    text.AppendLine($"{number}.{body}（{string.Join("、", units)}负责）");
                    break;
                case Layout.LabelLines:
                    text.AppendLine($"{number}.{body}");
                    text.AppendLine($"牵头单位:{units[0]}");
                    if (rest.Length > 0) text.AppendLine($"责任单位:{rest.Replace('、', ',')}");
                    break;
                case Layout.ChineseItems:
                    text.AppendLine($"{Chinese(no)}、{body}(牵头单位:{units[0]}{(rest.Length > 0 ? ",责任单位:" + rest : "")})");
                    break;
                case Layout.ParenTortoise:
                    text.AppendLine($"（{Chinese(inChapter)}）{body}〔责任单位：{string.Join("、", units)}，列第一位者为牵头单位〕");
                    break;
                case Layout.CellPerLine:
                    text.AppendLine($"{number}.{Objects[random.Next(Objects.Length)]}。");
                    text.AppendLine($"——到2025年，覆盖率达到{random.Next(60, 100)}%以上。");
                    foreach (var unit in units) text.AppendLine(unit);
                    break;
                case Layout.RowPerLine:
                    text.AppendLine($"{number} {body.TrimEnd('。')} {units[0]} {rest}");
                    break;
            }
        }
        return (text.ToString(), leads);
    }

    private static string Chinese(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 10 => digits[n].ToString(),
            10 => "十",
            < 20 => "十" + digits[n % 10],
            < 100 => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }
}
