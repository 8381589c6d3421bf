using System.Text.RegularExpressions;

namespace Wcc.Etl.Seeds;

/// <summary>One monitored indicator of an indicators file.</summary>
public sealed record IndicatorRecord(
    string IndicatorCode, string NameZh, string? NameEn, string UnitOfMeasure, string MeasureKind,
    bool SexDisaggregated, string Direction, string Population, double? LowerBound, double? UpperBound,
    IReadOnlyList<int> TaskNos, string? Source, string? ReportingUnit = null);

/// <summary>The rules of an indicators file (seeds/indicators.csv or a researcher's): CSV rows to checked <see cref="IndicatorRecord"/>s.</summary>
public static partial class IndicatorSeedFile
{
    /// <summary>The exact header the file must have.</summary>
    public static readonly IReadOnlyList<string> Header =
    [
        "indicator_code", "name_zh", "name_en", "unit_of_measure", "measure_kind", "sex_disaggregated",
        "direction", "population", "lower_bound", "upper_bound", "task_nos", "source", ReportingUnitColumn,
    ];

    /// <summary>The unit that reports the indicator's figures in a collection round (数据报送单位); added after the first
    /// release, so a researcher's file without it still loads (its indicators then have no reporting unit and get no form).</summary>
    public const string ReportingUnitColumn = "reporting_unit";

    /// <summary>A rate is a bounded share, so its bounds are required.</summary>
    public const string RateKind = "rate";

    /// <summary>Accepted measure kinds.</summary>
    public static readonly IReadOnlyList<string> MeasureKinds = [RateKind, "count", "ratio", "score"];

    /// <summary>Accepted directions of progress.</summary>
    public static readonly IReadOnlyList<string> Directions = ["higher", "lower"];

    /// <summary>Population for indicators measured on women only; their targets are for sex F.</summary>
    public const string WomenPopulation = "women";

    /// <summary>Accepted populations.</summary>
    public static readonly IReadOnlyList<string> Populations = [WomenPopulation, "children", "both"];

    /// <summary>Reads and checks the file; refuses it whole at the first bad row.</summary>
    /// <param name="declaredElsewhere">Indicator codes already loaded by another origin, which this file may not redefine.</param>
    public static IReadOnlyList<IndicatorRecord> Read(string path, IReadOnlySet<string> declaredElsewhere) =>
        Check(SeedCsv.Read(path, Header, optionalTrailing: 1), declaredElsewhere);

    /// <summary>Checks already-read rows (see <see cref="Read"/>).</summary>
    public static IReadOnlyList<IndicatorRecord> Check(IReadOnlyList<SeedRow> rows, IReadOnlySet<string> declaredElsewhere)
    {
        var records = new List<IndicatorRecord>();
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var code = row.Required("indicator_code");
            if (!CodePattern().IsMatch(code)) throw row.Fail($"indicator_code '{code}' is not an upper-case ASCII code like W_EMP_TRAINED");
            if (lines.TryGetValue(code, out var first)) throw row.Fail($"indicator_code {code} is a duplicate of line {first}");
            if (declaredElsewhere.Contains(code)) throw row.Fail($"indicator_code {code} is already declared by another load");
            lines[code] = row.LineNo;

            var kind = row.OneOf("measure_kind", MeasureKinds);
            var (lower, upper) = (row.OptionalNumber("lower_bound"), row.OptionalNumber("upper_bound"));
            if (lower >= upper) throw row.Fail($"lower_bound {lower} is not below upper_bound {upper}");
            if (kind == RateKind && (lower is null || upper is null)) throw row.Fail("a rate needs both lower_bound and upper_bound (e.g. 0 and 100)");

            records.Add(new IndicatorRecord(
                code, row.Required("name_zh"), row.Optional("name_en"), row.Required("unit_of_measure"), kind,
                row.Bool("sex_disaggregated"), row.OneOf("direction", Directions), row.OneOf("population", Populations),
                lower, upper, TaskNos(row), row.Optional("source"), row.Optional(ReportingUnitColumn)));
        }
        return records;
    }

    private static IReadOnlyList<int> TaskNos(SeedRow row)
    {
        var numbers = new List<int>();
        foreach (var item in row.List("task_nos"))
        {
            if (!int.TryParse(item, out var n) || n < 1) throw row.Fail($"task_nos item '{item}' is not a task number (1, 2, …)");
            if (numbers.Contains(n)) throw row.Fail($"task_nos lists task {n} twice");
            numbers.Add(n);
        }
        return numbers;
    }

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*$")]
    private static partial Regex CodePattern();
}
