namespace Wcc.Reports.Charts;

/// <summary>What the pack prints under a chart: title, what the values mean and their unit, the source views, a synthetic-data notice.</summary>
public sealed record ChartCaption(string ChartName, string Title, string Description, string Units, IReadOnlyList<string> Sources, bool IsSynthetic)
{
    /// <summary>Notice shown when any plotted observation has source = synthetic.</summary>
    public const string SyntheticNotice = "数据为合成示例";

    /// <summary>The caption as one paragraph of Chinese text for readers: no view or file names (those are in <see cref="SourceLine"/>).</summary>
    public string ToText()
    {
        var text = $"{Title}。{Description} 单位:{Units}。数据来源:西安市妇儿工委数据仓库。";
        return IsSynthetic ? text + SyntheticNotice + "。" : text;
    }

    /// <summary>For researchers, beside the chart's files: the warehouse views the figures were read from.</summary>
    public string SourceLine() => $"views: {string.Join(", ", Sources)}";
}
