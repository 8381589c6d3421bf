using DuckDB.NET.Data;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Query;

namespace Wcc.Warehouse.Schema;

/// <summary>Keeps a warehouse's schema current: tables through numbered migrations, views and macros from their files.</summary>
/// <remarks>
/// Tables hold data, so they change only through a numbered migration (<see cref="SchemaCatalog.CurrentVersion"/>).
/// Views and macros hold none, so every writer open makes them this build's, from the files, in dependency order: a view
/// whose file changed is current after the next writing command, without a version bump. Readers change nothing.
/// Re-creating all of them costs about 200 ms of CPU (361 COMMENT ONs; see `wcc-bench open`), so the writer first compares
/// <see cref="SchemaModels.DerivedFingerprint"/> with the one the last refresh recorded (<see cref="FingerprintMacro"/>)
/// and re-creates everything when they differ, when a table migration ran, or when no fingerprint is recorded.
/// </remarks>
public static class SchemaMigrator
{
    /// <summary>A scalar macro returning the fingerprint of the view and macro files the warehouse was last refreshed from.</summary>
    public const string FingerprintMacro = "meta_model_fingerprint";

    /// <summary>Creates missing tables, applies pending table migrations and re-creates every view and macro, in one transaction.</summary>
    public static void EnsureCurrent(DuckDBConnection connection) => EnsureCurrent(connection, SchemaCatalog.Embedded, SchemaCatalog.CurrentVersion);

    /// <summary>As <see cref="EnsureCurrent(DuckDBConnection)"/>, from another set of model files (a folder being edited).</summary>
    public static void EnsureCurrent(DuckDBConnection connection, SchemaModels schema, int currentVersion)
    {
        var version = ReadVersion(connection);
        if (version > currentVersion) throw TooNew(version, currentVersion, connection.DataSource);

        var tablesChange = version != currentVersion || !AllTablesPresent(connection, schema);
        if (!tablesChange && DerivedAreCurrent(connection, schema)) return;
        using (var tx = connection.BeginTransaction())
        {
            if (tablesChange)
            {
                if (version is not null)
                {
                    for (var v = version.Value + 1; v <= currentVersion; v++)
                    {
                        if (schema.Migrations.TryGetValue(v, out var script)) connection.Execute(script);
                    }
                }
                // A table of an older version that this one defines as a view (dim_year since version 10): it held only
                // rows derived from the schema's own reference data, and the view re-created below takes its place.
                foreach (var view in schema.ApplyOrder.Where(m => m.IsView))
                {
                    if (connection.ScalarLong("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' AND table_name = $name", ("name", view.Name)) > 0)
                    {
                        connection.Execute($"DROP TABLE {view.Name}"); // a model name from this build's files, not input
                    }
                }
                // CREATE TABLE IF NOT EXISTS: creates the tables a migration adds and leaves the others as they are.
                foreach (var table in schema.ApplyOrder.Where(m => m.IsTable)) connection.Execute(table.Sql);
                using var cmd = connection.CreateCommand();
                cmd.CommandText = "DELETE FROM meta_schema_version; INSERT INTO meta_schema_version VALUES ($v)";
                cmd.Parameters.Add(new DuckDBParameter("v", currentVersion));
                cmd.ExecuteNonQuery();
            }
            // The vocabulary is the schema's own reference data: rewritten from its one definition with the views.
            Vocabulary.Vocabularies.Store(connection);
            // CREATE OR REPLACE, each after the models it reads: the views and macros are always this build's.
            foreach (var derived in schema.ApplyOrder.Where(m => !m.IsTable)) Apply(connection, derived);
            // A hex digest computed here, never user input, so it is spliced as a literal (macros take no parameters).
            connection.Execute($"CREATE OR REPLACE MACRO {FingerprintMacro}() AS '{schema.DerivedFingerprint}'");
            tx.Commit();
        }
        // Fold the new schema into the file now: DuckDB 1.5 cannot replay a WAL holding DDL (views, macros) in a
        // READ_ONLY connection, so a writer killed before its own checkpoint would otherwise lock every reader out.
        connection.Execute("CHECKPOINT");
    }

    /// <summary>True when a writer would change nothing: the tables are this build's version and the views, macros and
    /// vocabularies those of its files. A reader that needs this build's views exactly (the pack's read-only path) checks it.</summary>
    public static bool IsCurrent(DuckDBConnection connection)
    {
        var schema = SchemaCatalog.Embedded;
        return ReadVersion(connection) == SchemaCatalog.CurrentVersion && AllTablesPresent(connection, schema) && DerivedAreCurrent(connection, schema);
    }

    private static bool DerivedAreCurrent(DuckDBConnection connection, SchemaModels schema) =>
        RecordedFingerprint(connection) == schema.DerivedFingerprint && Vocabulary.Vocabularies.AreStored(connection);

    /// <summary>The fingerprint the last refresh recorded, or null (a warehouse from before fingerprints, or a new one).</summary>
    public static string? RecordedFingerprint(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM duckdb_functions() WHERE schema_name = 'main' AND function_name = '{FingerprintMacro}'";
        if (Convert.ToInt64(cmd.ExecuteScalar()) == 0) return null;
        cmd.CommandText = $"SELECT {FingerprintMacro}()";
        return cmd.ExecuteScalar() as string;
    }

    private static void Apply(DuckDBConnection connection, SqlModel model)
    {
        try
        {
            connection.Execute(model.Sql);
        }
        catch (DuckDBException ex)
        {
            // A model file that does not bind is this build's bug, not the user's: say which file.
            throw new InvalidOperationException($"warehouse/{model.ResourcePath} failed to apply: {ex.Message}", ex);
        }
    }

    /// <summary>For read-only opens: refuses a warehouse whose table schema differs from this build's; changes nothing.</summary>
    public static void RequireCurrent(DuckDBConnection connection, string path)
    {
        var version = ReadVersion(connection);
        if (version == SchemaCatalog.CurrentVersion) return;
        if (version > SchemaCatalog.CurrentVersion) throw TooNew(version, SchemaCatalog.CurrentVersion, path);
        throw new WccException(
            version is null ? $"{path} is not a WCC warehouse (no schema version)" : $"{path} has schema version {version}; this wcc expects {SchemaCatalog.CurrentVersion}",
            new Remedy(RemedyAction.MigrateWarehouse, path));
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

    private static bool AllTablesPresent(DuckDBConnection connection, SchemaModels schema)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE'";
        return Convert.ToInt64(cmd.ExecuteScalar()) >= schema.Models.Count(m => m.IsTable);
    }

    private static WccException TooNew(int? version, int currentVersion, string path) =>
        new($"{path} was written by a newer wcc (schema version {version}, this one knows {currentVersion})",
            "update wcc (git pull and rebuild) before opening it");
}
