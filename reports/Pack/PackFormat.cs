using Wcc.Reports.Common;

namespace Wcc.Reports.Pack;

/// <summary>How the pack writes values for Chinese readers: units attached, comparators as symbols, probabilities as percentages.</summary>
public static class PackFormat
{
    public static string Comparator(object? comparator) => Cells.Text(comparator) switch
    {
        ">=" => "≥",
        "<=" => "≤",
        var other => other,
    };

    public static string Sex(object? sex) => Cells.Text(sex) switch
    {
        "F" => "女",
        "M" => "男",
        _ => "合计",
    };

    /// <summary>"98.5%", "60,000人", "12.18(1/10万)": the unit follows the number as Chinese tables write it.</summary>
    public static string WithUnit(object? value, object? unit)
    {
        if (value is null) return "—";
        var text = Html.Format(value);
        var u = Cells.Text(unit);
        return u is "%" or "‰" or "人" or "次/年" or "件/年" ? text + u : u.Length == 0 ? text : $"{text}({u})";
    }

    /// <summary>A probability in [0, 1] as a whole percentage.</summary>
    public static string Percent(object? p) => p is null ? "—" : $"{Math.Round(100 * Cells.Number(p)):0}%";

    /// <summary>How the pack names generated data (v_pack_unit_task.progress_source writes the same words).</summary>
    public const string SyntheticLabel = "合成数据";

    /// <summary>The notice repeated at the top of every printed page and every workbook sheet while the pack still shows
    /// synthetic figures (the cover says the same at length).</summary>
    public const string SyntheticRunningNotice = "本页含合成示例数据,不代表西安市实际统计结果";

    /// <summary>Where a figure comes from, for people: 合成数据 for the synthetic history, else the source as loaded and,
    /// for a unit's return, the day it was received.</summary>
    public static string Source(object? source, object? submittedAt) => source switch
    {
        null => "—",
        Wcc.Warehouse.Vocabulary.LoadJobs.SyntheticSource => SyntheticLabel,
        _ => submittedAt is DateTime at ? $"{source}\n({at:yyyy-MM-dd}报送)" : Cells.Text(source),
    };
}
