using System.Text;
using DuckDB.NET.Data;
using Wcc.Warehouse.Files;

namespace Wcc.Etl.Export;

/// <summary>`wcc export csv`: every table and view as a UTF-8 CSV with a byte-order mark, safe to open in Excel.</summary>
public static class CsvExport
{
    /// <summary>The command whose output this is, as recorded in the folder's manifest.</summary>
    public const string Command = "wcc export csv";

    /// <summary>Writes one CSV per relation into <paramref name="outDir"/>, all or nothing; a non-empty folder is replaced only with <paramref name="overwrite"/>.</summary>
    public static IReadOnlyList<ExportEntry> Run(DuckDBConnection connection, string outDir, bool overwrite)
    {
        var relations = ExportRelations.List(connection);
        return StagedOutputFolder.Write(outDir, overwrite, Command, folder => Write(connection, relations, folder.Staging));
    }

    private static List<ExportEntry> Write(DuckDBConnection connection, IReadOnlyList<ExportRelation> relations, string outDir)
    {
        var entries = new List<ExportEntry>();
        foreach (var relation in relations)
        {
            var final = Path.Combine(outDir, relation.Name + ".csv");
            var body = final + ".part";
            // ORDER BY ALL: the same warehouse gives the same bytes, whatever order a parallel scan returns rows in.
            ExportRelations.Execute(connection,
                $"COPY (SELECT {SelectList(relation)} FROM {ExportRelations.Identifier(relation.Name)} ORDER BY ALL) TO {ExportRelations.PathLiteral(body)} (FORMAT csv, HEADER)");
            PrependBom(body, final);
            entries.Add(new ExportEntry(relation.Name, ExportRelations.Count(connection, relation), Path.GetFileName(final),
                relation.Columns.Select(c => c.Name).ToList(), false));
        }
        return entries;
    }

    private static string SelectList(ExportRelation relation)
    {
        if (relation.Columns.Count == 0) return "*";
        return string.Join(", ", relation.Columns.Select(c =>
        {
            var id = ExportRelations.Identifier(c.Name);
            // Only text can smuggle a formula; typed numbers (e.g. -3.5) stay numbers. The rule is shared with the chart CSVs.
            return c.Type == "VARCHAR" ? $"{FormulaGuard.SqlExpression(id)} AS {id}" : id;
        }));
    }

    /// <summary>DuckDB writes no BOM; Excel needs one to read UTF-8 Chinese, so the body is copied behind it.</summary>
    private static void PrependBom(string body, string final)
    {
        using (var output = new FileStream(final, FileMode.Create, FileAccess.Write))
        {
            output.Write(Encoding.UTF8.Preamble);
            using var input = File.OpenRead(body);
            input.CopyTo(output);
        }
        File.Delete(body);
    }
}
