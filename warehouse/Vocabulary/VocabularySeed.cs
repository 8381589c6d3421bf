using DuckDB.NET.Data;

namespace Wcc.Warehouse.Vocabulary;

/// <summary>
/// One vocabulary seed: a CSV under seeds/vocabulary/ embedded in this assembly, and the vocab_* table the schema fills
/// from it on every refresh. The file is the only definition; the table is its copy for SQL to join, rewritten with the
/// views (so an edited seed reaches the warehouse even when no view changed).
/// </summary>
/// <remarks>The files hold no commas or quotes inside values (Chinese text uses ，), so a plain split reads them; empty
/// cells are stored as null and every other cell is cast by DuckDB to its column's type.</remarks>
public sealed class VocabularySeed
{
    private readonly Lazy<IReadOnlyList<IReadOnlyList<string>>> rows;

    /// <param name="seedPath">Path in the repository and logical name of the embedded resource.</param>
    /// <param name="table">The vocab_* table holding the same rows (its columns are the header, in order).</param>
    /// <param name="header">The header the file must have.</param>
    public VocabularySeed(string seedPath, string table, IReadOnlyList<string> header)
    {
        SeedPath = seedPath;
        Table = table;
        Header = header;
        rows = new(() => Parse(ReadEmbedded()));
    }

    /// <summary>Where the definition lives in the repository (for messages and the literal test).</summary>
    public string SeedPath { get; }

    /// <summary>The table the schema stores the rows in.</summary>
    public string Table { get; }

    /// <summary>The columns, as the file's header and the table name them.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The data rows, in file order, each cell as written.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows => rows.Value;

    /// <summary>The value of column <paramref name="column"/> in <paramref name="row"/>.</summary>
    public string Cell(IReadOnlyList<string> row, string column)
    {
        var k = Header.ToList().IndexOf(column);
        return k >= 0 ? row[k] : throw new KeyNotFoundException($"{SeedPath} has no column {column}");
    }

    /// <summary>Replaces the table's rows with the seed's (part of every schema refresh).</summary>
    public void Store(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"DELETE FROM {Table}";
        cmd.ExecuteNonQuery();
        cmd.CommandText = $"INSERT INTO {Table} ({string.Join(", ", Header)}) VALUES ({string.Join(", ", Header.Select((_, k) => $"${k + 1}"))})";
        foreach (var row in Rows)
        {
            cmd.Parameters.Clear();
            foreach (var cell in row) cmd.Parameters.Add(new DuckDBParameter(cell.Length == 0 ? DBNull.Value : cell));
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Whether the table holds exactly the seed's rows (false when it is missing or differs).</summary>
    public bool IsStored(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {string.Join(", ", Header.Select(c => $"coalesce(CAST({c} AS VARCHAR), '')"))} FROM {Table}";
        try
        {
            using var reader = cmd.ExecuteReader();
            var stored = new List<string>();
            while (reader.Read()) stored.Add(string.Join(",", Enumerable.Range(0, Header.Count).Select(reader.GetString)));
            return stored.Order(StringComparer.Ordinal).SequenceEqual(Rows.Select(r => string.Join(",", r)).Order(StringComparer.Ordinal));
        }
        catch (DuckDBException)
        {
            return false;
        }
    }

    private string ReadEmbedded()
    {
        using var stream = typeof(VocabularySeed).Assembly.GetManifestResourceStream(SeedPath)
            ?? throw new InvalidOperationException($"{SeedPath} is not embedded in {typeof(VocabularySeed).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Splits the seed text; a malformed row is a mistake in the repository, named with its line.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Parse(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        if (!lines[0].Split(',').SequenceEqual(Header))
        {
            throw new InvalidOperationException($"{SeedPath}: the header must be {string.Join(",", Header)}");
        }
        var list = new List<IReadOnlyList<string>>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var f = lines[i].Split(',');
            if (f.Length != Header.Count) throw new InvalidOperationException($"{SeedPath} line {i + 1}: {f.Length} fields, expected {Header.Count} (no commas inside values)");
            list.Add(f);
        }
        var duplicate = list.GroupBy(r => r[0]).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"{SeedPath}: {duplicate.Key} is declared twice");
        return list;
    }
}
