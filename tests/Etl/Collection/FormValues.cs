using System.Globalization;

namespace Wcc.Tests.Etl.Collection;

/// <summary>Plausible values for a form: last year's value nudged a little (inside the bounds, within every tolerance).</summary>
public static class FormValues
{
    /// <remarks>Every cell moves the same way (down, unless that leaves the lower bound), so the form keeps last year's
    /// order between areas and indicators: a district at the upper bound never ends below a city that was below it.</remarks>
    public static double Good(double? twoAgo, double? last, string rangeText)
    {
        var basis = last ?? twoAgo ?? 1;
        var parts = rangeText.Split('～');
        double? lower = parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var l) ? l : null;
        var candidate = Math.Round(basis - 0.1, 4);
        return lower is { } lo && candidate < lo ? Math.Round(basis + 0.1, 4) : candidate;
    }

    /// <summary>Fills every indicator row with a good value and every task with 推进中 and a narrative.</summary>
    public static int FillAll(FormFiller f)
    {
        var count = 0;
        foreach (var row in f.IndicatorRows())
        {
            f.SetValue(row.Code, row.Area, row.Sex, Good(row.TwoAgo, row.Last, row.RangeText));
            count++;
        }
        foreach (var (task, _) in f.TaskRows())
        {
            f.SetProgress(task, "推进中", $"任务{task}按计划推进", "市教发〔2020〕12号");
            count++;
        }
        return count;
    }
}
