using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;
using Wcc.Cli.Commands;
using Wcc.Etl.Export;
using Wcc.Warehouse.Query;

namespace Wcc.Cli.Output;

/// <summary>Prints query results as a console table, CSV or JSON.</summary>
internal static class ResultPrinter
{
    public static void Print(QueryResult result, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Csv: WriteCsv(result, output); break;
            case OutputFormat.Json: WriteJson(result, output); break;
            default: WriteTable(result); break;
        }
    }

    private static void WriteTable(QueryResult result)
    {
        if (result.Columns.Count == 0) return;
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in result.Columns) table.AddColumn(Markup.Escape(column));
        foreach (var row in result.Rows) table.AddRow(row.Select(v => Markup.Escape(Format(v))).ToArray());
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{result.Rows.Count} row(s)[/]");
    }

    private static void WriteCsv(QueryResult result, TextWriter output)
    {
        // Researchers open these in Excel: the same formula guard as every other CSV the project writes.
        output.WriteLine(string.Join(",", result.Columns.Select(c => Quote(FormulaGuard.Neutralise(c)))));
        foreach (var row in result.Rows) output.WriteLine(string.Join(",", row.Select(v => Quote(FormulaGuard.Neutralise(Format(v))))));
    }

    private static void WriteJson(QueryResult result, TextWriter output)
    {
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartArray();
            foreach (var row in result.Rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < result.Columns.Count; i++)
                {
                    json.WritePropertyName(result.Columns[i]);
                    JsonSerializer.Serialize(json, row[i]);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object?>().Select(Format)) + "]",
        _ => value.ToString() ?? "",
    };

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
