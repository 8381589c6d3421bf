using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Wcc.Warehouse.Schema;

/// <summary>A set of SQL models and table migrations (this build's embedded files, or a folder of them), with the order
/// in which they can be created.</summary>
/// <remarks>
/// The order comes from the models themselves, not from file or folder names: a model depends on every other model whose
/// name its SQL mentions (comments and string literals aside) and on those its header lists as <c>-- depends_on:</c>.
/// Tables come before views and macros (a table never reads a view), and ties keep file-path order so the order is stable.
/// </remarks>
public sealed partial class SchemaModels
{
    private readonly Dictionary<string, SqlModel> byName;

    private SchemaModels(IReadOnlyList<SqlModel> models, IReadOnlyDictionary<int, string> migrations)
    {
        Models = models;
        Migrations = migrations;
        byName = new Dictionary<string, SqlModel>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in models)
        {
            if (!byName.TryAdd(model.Name, model))
            {
                throw new InvalidOperationException($"{model.ResourcePath}: model {model.Name} is also defined in {byName[model.Name].ResourcePath}");
            }
        }
        Dependencies = models.ToDictionary(m => m.Name, FindDependencies, StringComparer.OrdinalIgnoreCase);
        ApplyOrder = Sort();
        var derived = string.Concat(ApplyOrder.Where(m => !m.IsTable).Select(m => $"{m.ResourcePath}\n{m.Sql}\0"));
        DerivedFingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(derived)));
    }

    /// <summary>SHA-256 (hex) of every view and macro file, in apply order: a warehouse that records the same value
    /// already holds exactly these definitions.</summary>
    public string DerivedFingerprint { get; }

    /// <summary>Every table, view and macro, by file path (the order of the data dictionary and of <c>wcc check</c>).</summary>
    public IReadOnlyList<SqlModel> Models { get; }

    /// <summary>Every model in an order that creates each one after the models it reads.</summary>
    public IReadOnlyList<SqlModel> ApplyOrder { get; }

    /// <summary>The models each model reads (found in its SQL or declared), by name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Dependencies { get; }

    /// <summary>Table migration scripts keyed by the schema version they produce.</summary>
    public IReadOnlyDictionary<int, string> Migrations { get; }

    /// <summary>Finds a model by its table, view or macro name.</summary>
    public SqlModel Get(string name) =>
        byName.TryGetValue(name, out var model) ? model : throw new KeyNotFoundException($"no model named {name}");

    /// <summary>The models embedded in the warehouse assembly (<c>warehouse/sql/**</c>): what every <c>wcc</c> command uses.</summary>
    public static SchemaModels Embedded() 
    {
        var assembly = typeof(SchemaModels).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith("sql/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal));
        return FromFiles(names.Select(n => (n, Read(assembly, n))));
    }

    /// <summary>The models in a folder laid out like <c>warehouse/sql</c> (a copy being edited, in tests or by a developer).</summary>
    public static SchemaModels FromDirectory(string sqlDirectory) =>
        FromFiles(Directory.EnumerateFiles(sqlDirectory, "*.sql", SearchOption.AllDirectories).Select(f =>
            ("sql/" + Path.GetRelativePath(sqlDirectory, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllText(f))));

    private static SchemaModels FromFiles(IEnumerable<(string Path, string Sql)> files)
    {
        var all = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var models = all.Where(f => !f.Path.StartsWith("sql/migrations/", StringComparison.Ordinal)).Select(f => SqlModel.Parse(f.Path, f.Sql)).ToList();
        var migrations = all.Where(f => f.Path.StartsWith("sql/migrations/", StringComparison.Ordinal))
            .ToDictionary(f => int.Parse(Path.GetFileName(f.Path)[..3]), f => f.Sql);
        return new SchemaModels(models, migrations);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private IReadOnlyList<string> FindDependencies(SqlModel model)
    {
        var found = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var declared in model.DeclaredDependencies)
        {
            if (!byName.ContainsKey(declared))
            {
                throw new InvalidOperationException($"{model.ResourcePath}: depends_on names {declared}, which no model file creates");
            }
            found.Add(declared);
        }
        foreach (Match word in Word().Matches(CodeOnly(model.Sql)))
        {
            if (byName.ContainsKey(word.Value)) found.Add(word.Value);
        }
        found.Remove(model.Name);
        return found.Select(n => byName[n].Name).ToList();
    }

    /// <summary>Kahn's algorithm; among the models that are ready, tables first, then file path.</summary>
    private List<SqlModel> Sort()
    {
        var waitingOn = Models.ToDictionary(m => m.Name, m => Dependencies[m.Name].Count, StringComparer.OrdinalIgnoreCase);
        var readers = Models.ToDictionary(m => m.Name, _ => new List<SqlModel>(), StringComparer.OrdinalIgnoreCase);
        foreach (var model in Models)
        {
            foreach (var dependency in Dependencies[model.Name]) readers[dependency].Add(model);
        }
        var ready = new SortedSet<SqlModel>(Comparer<SqlModel>.Create((a, b) =>
        {
            var byKind = (a.IsTable ? 0 : 1).CompareTo(b.IsTable ? 0 : 1);
            return byKind != 0 ? byKind : string.CompareOrdinal(a.ResourcePath, b.ResourcePath);
        }));
        foreach (var model in Models.Where(m => waitingOn[m.Name] == 0)) ready.Add(model);
        var order = new List<SqlModel>(Models.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            order.Add(next);
            foreach (var reader in readers[next.Name])
            {
                if (--waitingOn[reader.Name] == 0) ready.Add(reader);
            }
        }
        if (order.Count < Models.Count)
        {
            var stuck = Models.Where(m => waitingOn[m.Name] > 0).Select(m => $"{m.Name} (reads {string.Join(", ", Dependencies[m.Name])})");
            throw new InvalidOperationException($"the models read each other in a cycle, so no order creates them: {string.Join("; ", stuck)}");
        }
        foreach (var table in order.Where(m => m.IsTable))
        {
            var view = Dependencies[table.Name].FirstOrDefault(d => !byName[d].IsTable);
            if (view is not null)
            {
                throw new InvalidOperationException($"{table.ResourcePath}: table {table.Name} reads {view}, but tables are created before views and macros");
            }
        }
        return order;
    }

    /// <summary>The SQL with comments and string literals blanked out, so only code names count as dependencies.</summary>
    public static string CodeOnly(string sql)
    {
        var code = new StringBuilder(sql.Length);
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                while (i < sql.Length && sql[i] != '\n') i++;
                code.Append('\n');
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 1;
                code.Append(' ');
            }
            else if (c == '\'')
            {
                // '' inside a literal is an escaped quote: the scan simply closes and reopens the literal.
                var end = sql.IndexOf('\'', i + 1);
                i = end < 0 ? sql.Length : end;
                code.Append(' ');
            }
            else
            {
                code.Append(c);
            }
        }
        return code.ToString();
    }

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Word();
}
