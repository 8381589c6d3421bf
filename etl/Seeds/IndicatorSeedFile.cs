using System.Text.RegularExpressions;

namespace Wcc.Etl.Seeds;

/// <summary>One monitored indicator of an indicators file.</summary>
public sealed record IndicatorRecord(
    string IndicatorCode, string NameZh, string? NameEn, string UnitOfMeasure, string MeasureKind,
    bool SexDisaggregated, string Direction, string Population, double? LowerBound, double? UpperBound,
    IReadOnlyList<int> TaskNos, string? Source, string? ReportingUnit = null,
    string? Plan = null, string? Domain = null, string? TargetSource = null);

/// <summary>The rules of an indicators file (seeds/indicators.csv or a researcher's): CSV rows to checked <see cref="IndicatorRecord"/>s.</summary>
public static partial class IndicatorSeedFile
{
    /// <summary>The exact header the file must have.</summary>
    public static readonly IReadOnlyList<string> Header =
    [
        "indicator_code", "name_zh", "name_en", "unit_of_measure", "measure_kind", "sex_disaggregated",
        "direction", "population", "lower_bound", "upper_bound", "task_nos", "source", ReportingUnitColumn,
        PlanColumn, DomainColumn, TargetSourceColumn,
    ];

    /// <summary>How many trailing columns were added after the first release (reporting_unit, then the catalogue's
    /// plan, domain and target_source), which a researcher's older file may lack.</summary>
    private const int ColumnsAddedLater = 4;

    /// <summary>The development plan the indicator belongs to (妇女 or 儿童, see <see cref="PlanDomains"/>).</summary>
    public const string PlanColumn = "plan";

    /// <summary>The plan's domain (领域) the indicator sits in.</summary>
    public const string DomainColumn = "domain";

    /// <summary>Where the target comes from (Xi'an's own document, or the national outline when Xi'an's is unknown).</summary>
    public const string TargetSourceColumn = "target_source";

    /// <summary>The plans and their domains a row may name (defined in <see cref="Warehouse.Vocabulary.PlanDomains"/>).</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> PlanDomains => Warehouse.Vocabulary.PlanDomains.ByPlan;

    /// <summary>The unit that reports the indicator's figures in a collection round (数据报送单位); added after the first
    /// release, so a researcher's file without it still loads (its indicators then have no reporting unit and get no form).</summary>
    public const string ReportingUnitColumn = "reporting_unit";

    /// <summary>A rate is a bounded share, so its bounds are required.</summary>
    public const string RateKind = "rate";

    /// <summary>A level on its own scale (life expectancy in years, years of schooling): neither a share nor additive.</summary>
    public const string ScoreKind = "score";

    /// <summary>Accepted measure kinds.</summary>
    public static readonly IReadOnlyList<string> MeasureKinds = [RateKind, "count", "ratio", ScoreKind];

    /// <summary>Accepted directions of progress.</summary>
    public static readonly IReadOnlyList<string> Directions = ["higher", "lower"];

    /// <summary>Population for indicators measured on women only; their targets are for sex F.</summary>
    public const string WomenPopulation = "women";

    /// <summary>Accepted populations.</summary>
    public static readonly IReadOnlyList<string> Populations = [WomenPopulation, "children", "both"];

    /// <summary>Reads and checks the file; refuses it whole at the first bad row.</summary>
    /// <param name="declaredElsewhere">Indicator codes already loaded by another origin, which this file may not redefine.</param>
    public static IReadOnlyList<IndicatorRecord> Read(string path, IReadOnlySet<string> declaredElsewhere) =>
        Check(SeedCsv.Read(path, Header, optionalTrailing: ColumnsAddedLater), declaredElsewhere);

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

            var (plan, domain) = PlanAndDomain(row);
            records.Add(new IndicatorRecord(
                code, row.Required("name_zh"), row.Optional("name_en"), row.Required("unit_of_measure"), kind,
                row.Bool("sex_disaggregated"), row.OneOf("direction", Directions), row.OneOf("population", Populations),
                lower, upper, TaskNos(row), row.Optional("source"), row.Optional(ReportingUnitColumn),
                plan, domain, row.Optional(TargetSourceColumn)));
        }
        return records;
    }

    /// <summary>A file with the catalogue columns must fill plan and domain (a domain of that plan); an older file has neither.</summary>
    private static (string? Plan, string? Domain) PlanAndDomain(SeedRow row)
    {
        if (!row.Has(PlanColumn)) return (null, null);
        var plan = row.OneOf(PlanColumn, [.. PlanDomains.Keys]);
        var domain = row.Required(DomainColumn);
        return PlanDomains[plan].Contains(domain)
            ? (plan, domain)
            : throw row.Fail($"domain '{domain}' is not a domain of the {plan} plan ({string.Join(", ", PlanDomains[plan])})");
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
