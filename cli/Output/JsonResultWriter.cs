using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Wcc.Warehouse.Query;

namespace Wcc.Cli.Output;

/// <summary>
/// A JSON array of row objects per statement, written as rows arrive: HUGEINT and DECIMAL as exact numbers, dates as
/// ISO 8601 strings, lists and structs as JSON, BLOBs as base64 strings, NaN and ±Infinity (not JSON numbers) as null
/// with a note on standard error.
/// </summary>
internal sealed class JsonResultWriter(TextWriter output, TextWriter notes) : ResultWriter
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    private IReadOnlyList<ResultColumn> columns = [];
    private string[] names = [];
    private long rows;
    private long nonFinite;
    private SqlStatementText? statement;

    public override void Begin(SqlStatementText statement, IReadOnlyList<ResultColumn> columns)
    {
        this.statement = statement;
        this.columns = columns;
        names = columns.Select(c => Quote(c.Name) + ": ").ToArray();
        rows = 0;
        nonFinite = 0;
        output.Write('[');
    }

    public override bool Row(IReadOnlyList<string?> values)
    {
        output.Write(rows++ == 0 ? "\n  {" : ",\n  {");
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) output.Write(", ");
            output.Write(names[i]);
            output.Write(Value(values[i], columns[i].Kind));
        }
        output.Write('}');
        return true;
    }

    public override void End(long rowsRead, bool stoppedEarly)
    {
        output.Write(rows == 0 ? "]\n" : "\n]\n");
        output.Flush();
        if (nonFinite > 0 && statement is not null)
        {
            notes.WriteLine($"note: {ResearchConnection.Label(statement)}: {nonFinite} NaN/Infinity value(s) written as null (JSON has no such numbers)");
        }
    }

    public override void Flush() => output.Flush();

    private string Value(string? text, ValueKind kind)
    {
        if (text is null) return "null";
        switch (kind)
        {
            case ValueKind.Number:
                return text;
            case ValueKind.Boolean:
                return text == "true" ? "true" : "false";
            case ValueKind.Float:
                if (text is "nan" or "-nan" or "inf" or "-inf" or "NaN" or "Infinity" or "-Infinity")
                {
                    nonFinite++;
                    return "null";
                }
                return text;
            case ValueKind.Json:
                return NonFiniteToNull(text);
            default:
                return Quote(text);
        }
    }

    private static string Quote(string text) => "\"" + JsonEncodedText.Encode(text, Encoder).ToString() + "\"";

    /// <summary>DuckDB's <c>to_json</c> writes NaN and Infinity bare inside lists and structs; JSON readers refuse them.</summary>
    private string NonFiniteToNull(string json)
    {
        if (!json.Contains("NaN", StringComparison.Ordinal) && !json.Contains("Infinity", StringComparison.Ordinal)) return json;
        var sb = new StringBuilder(json.Length);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                sb.Append(c);
                if (c == '\\' && i + 1 < json.Length) sb.Append(json[++i]);
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') { inString = true; sb.Append(c); continue; }
            var rest = json.AsSpan(i);
            var token = rest.StartsWith("-Infinity") ? "-Infinity" : rest.StartsWith("Infinity") ? "Infinity" : rest.StartsWith("NaN") ? "NaN" : null;
            if (token is null) { sb.Append(c); continue; }
            sb.Append("null");
            nonFinite++;
            i += token.Length - 1;
        }
        return sb.ToString();
    }
}
