using DuckDB.NET.Data;

namespace Wcc.Etl.Notice;

/// <summary>Maps unit names as written to dim_unit names (directly or through dim_unit_alias) and collects the unknown ones.</summary>
internal sealed class UnitResolver
{
    private const string UnknownKind = "unknown";

    private readonly HashSet<string> known = new(StringComparer.Ordinal);
    private readonly HashSet<string> alreadyUnknown = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParsedTask> unknown = new(StringComparer.Ordinal);

    public UnitResolver(DuckDBConnection connection)
    {
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT unit_name, kind = $unknown FROM dim_unit";
            cmd.Parameters.Add(new DuckDBParameter("unknown", UnknownKind));
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) (reader.GetBoolean(1) ? alreadyUnknown : known).Add(reader.GetString(0));
        }
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT alias, unit_name FROM dim_unit_alias";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) aliases[reader.GetString(0)] = reader.GetString(1);
        }
    }

    /// <summary>The canonical unit name for <paramref name="written"/>; unknown names are returned as written and remembered.</summary>
    public string Resolve(string written, ParsedTask task)
    {
        if (known.Contains(written)) return written;
        if (aliases.TryGetValue(written, out var canonical)) return canonical;
        unknown.TryAdd(written, task);
        return written;
    }

    /// <summary>The names no directory entry knows, each with the first task naming it (in the order met).</summary>
    public IReadOnlyList<(string Name, ParsedTask FirstTask)> Unknown => unknown.Select(kv => (kv.Key, kv.Value)).ToList();

    /// <summary>Adds the unknown names to dim_unit (kind = unknown, is_known = false) and warns about each one.</summary>
    /// <param name="noticeId">The notice naming them, for the warning.</param>
    public void AppendUnknown(DuckDBConnection connection, NoticeIssues issues, string noticeId)
    {
        using var appender = connection.CreateAppender("dim_unit");
        foreach (var (name, task) in unknown)
        {
            issues.Warn(task.LineTo, NoticeWarningCodes.UnknownUnit,
                $"unit {name} (first named by task {task.No} of notice {noticeId}) is not in the unit directory (seeds/units.csv); loaded as kind = unknown", task.No);
            // A reload (or another notice) finds it from an earlier load: still warn, but do not add it twice.
            if (!alreadyUnknown.Add(name)) continue;
            appender.CreateRow()
                .AppendValue(name).AppendNullValue().AppendValue(UnknownKind).AppendValue(IsCollective(name)).AppendValue(false)
                .AppendNullValue().AppendNullValue().AppendNullValue()
                .AppendValue($"通知中出现、单位表未列出（首见于任务{task.No}）").EndRow();
        }
    }

    /// <summary>各区县妇儿工委, 市妇儿工委各成员单位: names of many bodies start with 各 or list 各…单位.</summary>
    private static bool IsCollective(string name) => name.StartsWith('各') || name.Contains("各成员单位", StringComparison.Ordinal);
}
