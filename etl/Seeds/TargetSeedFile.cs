using System.Globalization;

namespace Wcc.Etl.Seeds;

/// <summary>One target of a targets file: an indicator's goal for an area and sex by a deadline.</summary>
public sealed record TargetRecord(
    string IndicatorCode, string AreaCode, string Sex, string Comparator, double TargetValue,
    int DeadlineYear, int? TaskNo, string Phrase);

/// <summary>What an indicator allows its targets (read from dim_indicator).</summary>
public sealed record IndicatorLimits(string Population, bool SexDisaggregated, double? LowerBound, double? UpperBound);

/// <summary>What the warehouse already holds that targets must refer to.</summary>
/// <param name="Indicators">Indicators by code.</param>
/// <param name="AreaCodes">Codes of dim_area.</param>
/// <param name="Years">Years of dim_year.</param>
/// <param name="TaskNos">Task numbers of dim_task; empty before the notice is loaded, and then task_no is not checked.</param>
/// <param name="KeysElsewhere">indicator|area|sex|deadline keys of targets loaded by another origin.</param>
public sealed record TargetReferences(
    IReadOnlyDictionary<string, IndicatorLimits> Indicators, IReadOnlySet<string> AreaCodes, IReadOnlySet<int> Years,
    IReadOnlySet<int> TaskNos, IReadOnlySet<string> KeysElsewhere)
{
    /// <summary>The key fact_target is unique on, as one string.</summary>
    public static string Key(string indicator, string area, string sex, int deadline) => $"{indicator}|{area}|{sex}|{deadline}";
}

/// <summary>The rules of a targets file (seeds/targets.csv or a researcher's): CSV rows to checked <see cref="TargetRecord"/>s.</summary>
public static class TargetSeedFile
{
    /// <summary>The exact header the file must have.</summary>
    public static readonly IReadOnlyList<string> Header =
        ["indicator_code", "area_code", "sex", "comparator", "target_value", "deadline_year", "task_no", "phrase"];

    /// <summary>Sex codes (dim_sex): F female, M male, T total or not disaggregated.</summary>
    public static readonly IReadOnlyList<string> Sexes = ["F", "M", "T"];

    /// <summary>Accepted comparators.</summary>
    public static readonly IReadOnlyList<string> Comparators = [">=", "<=", "="];

    private const string Female = "F";
    private const string Total = "T";

    /// <summary>Reads and checks the file against <paramref name="references"/>; refuses it whole at the first bad row.</summary>
    public static IReadOnlyList<TargetRecord> Read(string path, TargetReferences references) =>
        Check(SeedCsv.Read(path, Header), references);

    /// <summary>Checks already-read rows (see <see cref="Read"/>).</summary>
    public static IReadOnlyList<TargetRecord> Check(IReadOnlyList<SeedRow> rows, TargetReferences references)
    {
        var records = new List<TargetRecord>();
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var code = row.Required("indicator_code");
            if (!references.Indicators.TryGetValue(code, out var indicator)) throw row.Fail($"indicator_code {code} is not in dim_indicator (load it in indicators.csv first)");
            var area = row.Required("area_code");
            if (!references.AreaCodes.Contains(area)) throw row.Fail($"area_code {area} is not in dim_area");
            var sex = row.OneOf("sex", Sexes);
            CheckSex(row, code, sex, indicator);
            var comparator = row.OneOf("comparator", Comparators);

            var value = row.Number("target_value");
            if (value < indicator.LowerBound || value > indicator.UpperBound)
            {
                throw row.Fail(string.Create(CultureInfo.InvariantCulture,
                    $"target_value {value} is outside the bounds of {code} [{indicator.LowerBound?.ToString(CultureInfo.InvariantCulture) ?? "-∞"}, {indicator.UpperBound?.ToString(CultureInfo.InvariantCulture) ?? "∞"}]"));
            }
            var deadline = row.Int("deadline_year");
            if (!references.Years.Contains(deadline)) throw row.Fail($"deadline_year {deadline} is not in dim_year");
            var task = row.OptionalInt("task_no");
            if (task is { } t && references.TaskNos.Count > 0 && !references.TaskNos.Contains(t))
            {
                throw row.Fail($"task_no {t} is not a task of the notice (dim_task)");
            }

            var key = TargetReferences.Key(code, area, sex, deadline);
            if (lines.TryGetValue(key, out var first)) throw row.Fail($"a target for {code}, area {area}, sex {sex}, {deadline} is already on line {first}");
            if (references.KeysElsewhere.Contains(key)) throw row.Fail($"a target for {code}, area {area}, sex {sex}, {deadline} is already loaded by another file");
            lines[key] = row.LineNo;

            records.Add(new TargetRecord(code, area, sex, comparator, value, deadline, task, row.Required("phrase")));
        }
        return records;
    }

    /// <summary>Refuses a sex an indicator cannot have a series for (shared with the reference values, which follow the same rule).</summary>
    public static void CheckSex(SeedRow row, string code, string sex, IndicatorLimits indicator)
    {
        // A women-only indicator (妇女人数, 女性比例) is about F by definition; other indicators need a sex breakdown for F or M.
        if (indicator.Population == IndicatorSeedFile.WomenPopulation && sex != Female)
        {
            throw row.Fail($"sex {sex} for {code}, an indicator of women: use F");
        }
        if (sex != Total && indicator.Population != IndicatorSeedFile.WomenPopulation && !indicator.SexDisaggregated)
        {
            throw row.Fail($"sex {sex} for {code}, which is not sex-disaggregated: use T");
        }
    }
}
