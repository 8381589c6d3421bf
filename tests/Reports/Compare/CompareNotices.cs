using Wcc.Notice;
using Wcc.Reports.Compare.Model;
using Wcc.Tests.Support;

namespace Wcc.Tests.Reports.Compare;

/// <summary>The notices the comparison tests use: the seed notice, and a 2021-2025 copy of it with known edits.</summary>
internal static class CompareNotices
{
    /// <summary>The task the modified copy drops (市委组织部's 9.有序提高…女性比例).</summary>
    public const int DroppedTask = 9;

    /// <summary>The task whose lead really changes in the copy (市人社局 → 市教育局).</summary>
    public const int ReassignedTask = 2;

    /// <summary>The task whose lead only changes name (市农林委 → 市农业农村局, the 2019 reform).</summary>
    public const int RenamedLeadTask = 4;

    /// <summary>The task whose target rises (毛入园率 98% → 99%).</summary>
    public const int RaisedTargetTask = 16;

    /// <summary>Text of the task the copy adds at the end.</summary>
    public const string AddedTaskText = "建立全市妇女儿童心理健康服务平台，开展心理健康筛查和干预服务。";

    public static string SeedText => File.ReadAllText(RepoPaths.Notice);

    public static NoticeSnapshot Seed() => Snapshot("610100-2018-2020", SeedText, "seed.txt");

    /// <summary>The seed notice retitled 2021-2025 with one task dropped, one added, one lead renamed, one reassigned, one target raised.</summary>
    public static string ModifiedText()
    {
        var lines = SeedText.Replace("\r\n", "\n").Split('\n').ToList();
        string Edit(string line)
        {
            if (line.StartsWith($"{ReassignedTask}.", StringComparison.Ordinal)) return Replace(line, "(牵头单位:市人社局;", "(牵头单位:市教育局;");
            if (line.StartsWith($"{RenamedLeadTask}.", StringComparison.Ordinal)) return Replace(line, "(牵头单位:市农林委;", "(牵头单位:市农业农村局;");
            if (line.StartsWith($"{RaisedTargetTask}.", StringComparison.Ordinal)) return Replace(line, "98%", "99%");
            return line.Replace("2018-2020年", "2021-2025年", StringComparison.Ordinal);
        }
        var edited = lines.Where(l => !l.StartsWith($"{DroppedTask}.", StringComparison.Ordinal)).Select(Edit).ToList();
        edited.Add("");
        edited.Add($"39.{AddedTaskText}(牵头单位:市卫健委;责任单位:市妇联)");
        return string.Join("\n", edited) + "\n";
    }

    public static NoticeSnapshot Modified() => Snapshot("610100-2021-2025", ModifiedText(), "modified.txt");

    public static NoticeSnapshot Snapshot(string id, string text, string fileName) =>
        NoticeSnapshot.FromText(id, text, fileName);

    private static string Replace(string line, string from, string to)
    {
        Assert.Contains(from, line);
        return line.Replace(from, to, StringComparison.Ordinal);
    }
}
