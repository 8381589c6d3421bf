using DuckDB.NET.Data;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Query;

namespace Wcc.Warehouse.Schema;

/// <summary>Creates the schema in a new warehouse and brings an older one up to <see cref="SchemaCatalog.CurrentVersion"/>.</summary>
public static class SchemaMigrator
{
    /// <summary>Creates missing tables, applies pending migrations and (re)creates every view, in one transaction.</summary>
    public static void EnsureCurrent(DuckDBConnection connection)
    {
        var version = ReadVersion(connection);
        if (version == SchemaCatalog.CurrentVersion && AllModelsPresent(connection)) return;
        if (version > SchemaCatalog.CurrentVersion) throw TooNew(version, connection.DataSource);

        using var tx = connection.BeginTransaction();
        if (version is not null)
        {
            for (var v = version.Value + 1; v <= SchemaCatalog.CurrentVersion; v++)
            {
                if (SchemaCatalog.Migrations.TryGetValue(v, out var script)) connection.Execute(script);
            }
        }
        // Tables use CREATE TABLE IF NOT EXISTS and views CREATE OR REPLACE VIEW, so replaying is safe.
        foreach (var model in SchemaCatalog.Models) connection.Execute(model.Sql);
        // The vocabulary is the schema's own reference data: rewritten from its one definition on every migration.
        Vocabulary.StatusVocabulary.Store(connection);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "DELETE FROM meta_schema_version; INSERT INTO meta_schema_version VALUES ($v)";
            cmd.Parameters.Add(new DuckDBParameter("v", SchemaCatalog.CurrentVersion));
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
        // Fold the new schema into the file now: DuckDB 1.5 cannot replay a WAL holding DDL (views, macros) in a
        // READ_ONLY connection, so a writer killed before its own checkpoint would otherwise lock every reader out.
        connection.Execute("CHECKPOINT");
    }

    /// <summary>For read-only opens: refuses a warehouse whose schema differs from this build's.</summary>
    public static void RequireCurrent(DuckDBConnection connection, string path)
    {
        var version = ReadVersion(connection);
        if (version == SchemaCatalog.CurrentVersion) return;
        if (version > SchemaCatalog.CurrentVersion) throw TooNew(version, path);
        throw new WccException(
            version is null ? $"{path} is not a WCC warehouse (no schema version)" : $"{path} has schema version {version}; this wcc expects {SchemaCatalog.CurrentVersion}",
            $"run `wcc build --db {path}` once to migrate it");
    }

    /// <summary>The schema version recorded in the file, or null for an empty or foreign database.</summary>
    public static int? ReadVersion(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta_schema_version'";
        if (Convert.ToInt64(cmd.ExecuteScalar()) == 0) return null;
        cmd.CommandText = "SELECT max(version) FROM meta_schema_version";
        var value = cmd.ExecuteScalar();
        return value is null or DBNull ? null : Convert.ToInt32(value);
    }

    private static bool AllModelsPresent(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main'";
        return Convert.ToInt64(cmd.ExecuteScalar()) >= SchemaCatalog.Models.Count(m => m.HoldsRows);
    }

    private static WccException TooNew(int? version, string path) =>
        new($"{path} was written by a newer wcc (schema version {version}, this one knows {SchemaCatalog.CurrentVersion})",
            "update wcc (git pull and rebuild) before opening it");

}
