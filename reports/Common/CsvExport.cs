using System.Globalization;
using System.Text;
using Wcc.Warehouse.Files;
using Wcc.Warehouse.Query;

namespace Wcc.Reports.Common;

/// <summary>Writes a chart's data as CSV for Excel: UTF-8 with a byte-order mark, formula-like cells neutralised.</summary>
/// <remarks>
/// CsvHelper 34 writes no BOM and changed its API; a table this small needs only quoting, so this stays a
/// few lines. Formula-like cells are neutralised by <see cref="Wcc.Warehouse.Files.FormulaGuard"/>, the rule every CSV writer shares.
/// </remarks>
public static class CsvExport
{
    /// <summary>Writes <paramref name="data"/> to <paramref name="path"/>, header first.</summary>
    public static void Write(string path, QueryResult data)
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", data.Columns.Select(c => Quote(Neutralise(c))))).Append("\r\n");
        foreach (var row in data.Rows)
        {
            text.Append(string.Join(",", row.Select(v => Quote(Neutralise(Format(v)))))).Append("\r\n");
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    /// <summary>Writes every report table as <c>tables/NAME.csv</c> under <paramref name="directory"/>; returns the paths.</summary>
    public static IReadOnlyList<string> WriteTables(string directory, IEnumerable<ReportTable> tables)
    {
        var tableDir = Directory.CreateDirectory(Path.Combine(directory, "tables")).FullName;
        var paths = new List<string>();
        foreach (var table in tables)
        {
            var path = Path.Combine(tableDir, table.Name + ".csv");
            Write(path, table.Data);
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>Invariant text for a cell; lists as [a, b].</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object?>().Select(Format)) + "]",
        _ => value.ToString() ?? "",
    };

    /// <summary>Prefixes an apostrophe to text a spreadsheet would run as a formula (the rule shared with <c>wcc export csv</c>).</summary>
    public static string Neutralise(string cell) => Wcc.Warehouse.Files.FormulaGuard.Neutralise(cell);

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
