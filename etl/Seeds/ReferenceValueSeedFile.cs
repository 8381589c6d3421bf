using System.Globalization;

namespace Wcc.Etl.Seeds;

/// <summary>One published value of a reference file: an indicator's value for the nation, Shaanxi or Xi'an in a year, with its source.</summary>
public sealed record ReferenceValueRecord(
    string IndicatorCode, string Sex, string AreaLevel, int Year, double Value, string SourceTitle, string SourceUrl, string? SourceNote);

/// <summary>The rules of seeds/reference_values.csv: real published values (never synthetic), each with the publication it is quoted from.</summary>
public static class ReferenceValueSeedFile
{
    /// <summary>The exact header the file must have.</summary>
    public static readonly IReadOnlyList<string> Header =
        ["indicator_code", "sex", "area_level", "year", "value", "source_title", "source_url", "source_note"];

    /// <summary>Whose value a row is, as fact_reference_value.area_level holds it: the nation, the province, the city.</summary>
    public static readonly IReadOnlyList<string> AreaLevels = ["全国", "陕西省", "西安市"];

    private static readonly string[] UrlSchemes = ["https://", "http://"];

    /// <summary>Reads and checks the file against the indicators loaded; refuses it whole at the first bad row.</summary>
    public static IReadOnlyList<ReferenceValueRecord> Read(string path, IReadOnlyDictionary<string, IndicatorLimits> indicators) =>
        Check(SeedCsv.Read(path, Header), indicators);

    /// <summary>Checks already-read rows (see <see cref="Read"/>).</summary>
    public static IReadOnlyList<ReferenceValueRecord> Check(IReadOnlyList<SeedRow> rows, IReadOnlyDictionary<string, IndicatorLimits> indicators)
    {
        var records = new List<ReferenceValueRecord>();
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var code = row.Required("indicator_code");
            if (!indicators.TryGetValue(code, out var indicator)) throw row.Fail($"indicator_code {code} is not in dim_indicator (add it to indicators.csv first)");
            var sex = row.OneOf("sex", TargetSeedFile.Sexes);
            TargetSeedFile.CheckSex(row, code, sex, indicator);
            var level = row.OneOf("area_level", AreaLevels);
            var year = row.OptionalYear("year") ?? throw row.Fail("year is empty");
            var value = row.Number("value");
            if (value < indicator.LowerBound || value > indicator.UpperBound)
            {
                throw row.Fail(string.Create(CultureInfo.InvariantCulture,
                    $"value {value} is outside the bounds of {code} [{indicator.LowerBound?.ToString(CultureInfo.InvariantCulture) ?? "-∞"}, {indicator.UpperBound?.ToString(CultureInfo.InvariantCulture) ?? "∞"}]"));
            }
            var title = row.Required("source_title");
            var url = row.Required("source_url");
            if (!UrlSchemes.Any(s => url.StartsWith(s, StringComparison.OrdinalIgnoreCase)) || url.Length <= "https://".Length)
            {
                throw row.Fail($"source_url '{url}' is not a web address (http:// or https://): every published value names where it was read");
            }

            var key = $"{code}|{sex}|{level}|{year}";
            if (lines.TryGetValue(key, out var first)) throw row.Fail($"a value for {code}, sex {sex}, {level}, {year} is already on line {first}");
            lines[key] = row.LineNo;

            records.Add(new ReferenceValueRecord(code, sex, level, year, value, title, url, row.Optional("source_note")));
        }
        return records;
    }
}
