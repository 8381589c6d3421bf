using System.Globalization;
using DuckDB.NET.Data;

namespace Wcc.Warehouse.Vocabulary;

/// <summary>When a status applies: a forecast before the target's deadline, a verdict at or after it.</summary>
public enum StatusPhase
{
    /// <summary>Before the deadline: how likely the target is to be met (on track …).</summary>
    Forecast,

    /// <summary>At or after the deadline: whether the target was met (attained …).</summary>
    Final,
}

/// <summary>One status of the vocabulary (a row of seeds/vocabulary/statuses.csv and of vocab_status).</summary>
/// <param name="Code">Stable English code the C# code refers to, e.g. on_track.</param>
/// <param name="Order">Position within its phase, as tables and legends list the statuses.</param>
/// <param name="PMetMin">Forecast statuses: the lowest P(met) that earns this status (inclusive), null when unbounded.</param>
/// <param name="PMetBelow">Forecast statuses: P(met) must be below this, null when unbounded.</param>
/// <param name="Tolerance">Basically attained: the share of the baseline-to-target distance a final value may still miss by.</param>
/// <param name="CountsAsAttained">True when 达标率 counts the status as attained.</param>
/// <param name="RuleText">The rule in Chinese with its numbers filled in from this row.</param>
public sealed record StatusTerm(
    string Code, StatusPhase Phase, int Order, string Label, string English, string CssClass, string Colour,
    double? PMetMin, double? PMetBelow, double? Tolerance, bool CountsAsAttained, string RuleText);

/// <summary>
/// The one vocabulary of forecast statuses and final verdicts: labels, order, CSS class, colour, thresholds and the
/// Chinese rule. Defined once, in seeds/vocabulary/statuses.csv (embedded in this assembly); the schema loads the same
/// rows into vocab_status, which the SQL views join, and every C# reader (forecast, pack, legends, method text) asks
/// this class. No label or threshold is written anywhere else (VocabularyLiteralTests).
/// </summary>
public static class StatusVocabulary
{
    /// <summary>Where the definition lives in the repository (for messages and the literal test).</summary>
    public const string SeedPath = "seeds/vocabulary/statuses.csv";

    /// <summary>Codes the code refers to. The labels are in the seed; only these stable codes are named in C#.</summary>
    public static class Codes
    {
        public const string MetSoFar = "met_so_far";
        public const string OnTrack = "on_track";
        public const string NeedsAcceleration = "needs_acceleration";
        public const string OffTrack = "off_track";
        public const string InsufficientData = "insufficient_data";
        public const string Attained = "attained";
        public const string BasicallyAttained = "basically_attained";
        public const string NotAttained = "not_attained";
        public const string NoData = "no_data";
    }

    private static readonly IReadOnlyList<string> Header =
        ["status_code", "phase", "sort_order", "label_zh", "label_en", "css_class", "colour", "p_met_min", "p_met_below", "tolerance", "counts_as_attained", "rule_zh"];

    private static readonly Lazy<IReadOnlyList<StatusTerm>> terms = new(() => Parse(ReadEmbedded()));

    /// <summary>Every status, forecast phase first, each phase in its order.</summary>
    public static IReadOnlyList<StatusTerm> All => terms.Value;

    /// <summary>The statuses of one phase in order.</summary>
    public static IReadOnlyList<StatusTerm> Of(StatusPhase phase) => All.Where(t => t.Phase == phase).ToList();

    /// <summary>The status with this code.</summary>
    public static StatusTerm Get(string code) =>
        All.FirstOrDefault(t => t.Code == code) ?? throw new KeyNotFoundException($"{SeedPath} has no status {code}");

    /// <summary>The status with this Chinese label, or null.</summary>
    public static StatusTerm? ByLabel(string? label) => All.FirstOrDefault(t => t.Label == label);

    /// <summary>At or above this P(met) a forecast is on track.</summary>
    public static double OnTrackProbability => Get(Codes.OnTrack).PMetMin!.Value;

    /// <summary>Below this P(met) a forecast is off track; in between it needs acceleration.</summary>
    public static double OffTrackProbability => Get(Codes.OffTrack).PMetBelow!.Value;

    /// <summary>The basically-attained verdict's tolerance: the share of the baseline-to-target distance a final value may miss by.</summary>
    public static double BasicTolerance => Get(Codes.BasicallyAttained).Tolerance!.Value;

    /// <summary>Replaces vocab_status's rows with the vocabulary (part of every schema migration).</summary>
    /// <summary>Whether vocab_status holds exactly this build's vocabulary (checked on every writer open, so an edited
    /// seed reaches the warehouse even when no view changed; the rule text carries the thresholds).</summary>
    public static bool IsStored(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT status_code, label_zh, sort_order, colour, rule_zh FROM vocab_status ORDER BY status_code";
        try
        {
            using var reader = cmd.ExecuteReader();
            var stored = new List<string>();
            while (reader.Read()) stored.Add($"{reader.GetString(0)}|{reader.GetString(1)}|{reader.GetInt32(2)}|{reader.GetString(3)}|{reader.GetString(4)}");
            return stored.SequenceEqual(All.OrderBy(t => t.Code, StringComparer.Ordinal).Select(t => $"{t.Code}|{t.Label}|{t.Order}|{t.Colour}|{t.RuleText}"));
        }
        catch (DuckDB.NET.Data.DuckDBException)
        {
            return false;
        }
    }

    public static void Store(DuckDBConnection connection)
    {
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "DELETE FROM vocab_status";
            cmd.ExecuteNonQuery();
        }
        using var appender = connection.CreateAppender("vocab_status");
        foreach (var t in All)
        {
            var row = appender.CreateRow().AppendValue(t.Code).AppendValue(t.Phase == StatusPhase.Forecast ? "forecast" : "final")
                .AppendValue(t.Order).AppendValue(t.Label).AppendValue(t.English).AppendValue(t.CssClass).AppendValue(t.Colour);
            row.AppendValue(t.PMetMin).AppendValue(t.PMetBelow).AppendValue(t.Tolerance).AppendValue(t.CountsAsAttained).AppendValue(t.RuleText).EndRow();
        }
    }

    /// <summary>A share as Chinese text writes it: 0.25 → 25%.</summary>
    public static string Percent(double share) => (100 * share).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string ReadEmbedded()
    {
        using var stream = typeof(StatusVocabulary).Assembly.GetManifestResourceStream(SeedPath)
            ?? throw new InvalidOperationException($"{SeedPath} is not embedded in {typeof(StatusVocabulary).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Parses the seed text; a malformed row is a build-time mistake in the repository, named with its line.</summary>
    /// <remarks>The file holds no commas or quotes inside values (Chinese text uses ，), so a plain split reads it.</remarks>
    public static IReadOnlyList<StatusTerm> Parse(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        if (!lines[0].Split(',').SequenceEqual(Header))
        {
            throw new InvalidOperationException($"{SeedPath}: the header must be {string.Join(",", Header)}");
        }
        var list = new List<StatusTerm>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var f = lines[i].Split(',');
            InvalidOperationException Bad(string what) => new($"{SeedPath} line {i + 1}: {what}");
            if (f.Length != Header.Count) throw Bad($"{f.Length} fields, expected {Header.Count} (no commas inside values)");
            double? Number(int k) => f[k].Length == 0 ? null
                : double.TryParse(f[k], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d is >= 0 and <= 1 ? d
                : throw Bad($"{Header[k]} '{f[k]}' is not a number between 0 and 1");
            var phase = f[1] switch
            {
                "forecast" => StatusPhase.Forecast,
                "final" => StatusPhase.Final,
                _ => throw Bad($"phase '{f[1]}' is not forecast or final"),
            };
            if (!int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var order)) throw Bad($"sort_order '{f[2]}' is not a whole number");
            var (min, below, tolerance) = (Number(7), Number(8), Number(9));
            var rule = f[11]
                .Replace("{p_met_min}", min is { } a ? Percent(a) : "", StringComparison.Ordinal)
                .Replace("{p_met_below}", below is { } b ? Percent(b) : "", StringComparison.Ordinal)
                .Replace("{tolerance}", tolerance is { } t ? Percent(t) : "", StringComparison.Ordinal)
                .Replace("{progress}", tolerance is { } u ? Percent(1 - u) : "", StringComparison.Ordinal);
            list.Add(new StatusTerm(f[0], phase, order, f[3], f[4], f[5], f[6], min, below, tolerance, f[10] == "true", rule));
        }
        var duplicate = list.GroupBy(t => t.Label).FirstOrDefault(g => g.Count() > 1)
            ?? list.GroupBy(t => t.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"{SeedPath}: {duplicate.Key} is declared twice");
        return list.OrderBy(t => t.Phase).ThenBy(t => t.Order).ToList();
    }
}
