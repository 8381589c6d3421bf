using System.Text.RegularExpressions;

namespace Wcc.Warehouse.Files;

/// <summary>The one rule against CSV/spreadsheet formula injection, used by every CSV writer (C# cells and DuckDB COPY).</summary>
/// <remarks>
/// OWASP: a cell starting with = + - @ (or tab / carriage return) may run as a formula in Excel or WPS, so it gets a
/// leading apostrophe. Plain decimal numbers ("-3.5", "+1e5") stay as they are so spreadsheets still read them as numbers;
/// looser spellings ("-inf", "-1+cmd") are treated as text and neutralised.
/// </remarks>
public static partial class FormulaGuard
{
    /// <summary>First characters that make a spreadsheet evaluate a cell.</summary>
    public const string FormulaPrefixes = "=+-@\t\r";

    /// <summary>A plain decimal number, the only prefixed text left untouched (shared with the SQL form).</summary>
    public const string PlainNumberPattern = @"^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$";

    /// <summary>Prefixes an apostrophe to text a spreadsheet would run as a formula.</summary>
    public static string Neutralise(string cell)
    {
        if (cell.Length == 0 || FormulaPrefixes.IndexOf(cell[0]) < 0) return cell;
        return PlainNumber().IsMatch(cell) ? cell : "'" + cell;
    }

    /// <summary>The same rule as a DuckDB expression over a VARCHAR column, for exports written by COPY.</summary>
    /// <param name="quotedIdentifier">The column, already quoted as an identifier.</param>
    public static string SqlExpression(string quotedIdentifier)
    {
        var prefixes = string.Join(", ", FormulaPrefixes.Select(c => $"chr({(int)c})"));
        return $"CASE WHEN left({quotedIdentifier}, 1) IN ({prefixes}) AND NOT regexp_full_match({quotedIdentifier}, '{PlainNumberPattern}') "
               + $"THEN '''' || {quotedIdentifier} ELSE {quotedIdentifier} END";
    }

    [GeneratedRegex(PlainNumberPattern)]
    private static partial Regex PlainNumber();
}
