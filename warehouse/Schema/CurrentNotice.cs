using DuckDB.NET.Data;

namespace Wcc.Warehouse.Schema;

/// <summary>The default notice: the one reports, marts and the collection round mean when no notice is named.</summary>
/// <remarks>Defined once, in SQL: the view <c>v_current_notice</c> (dim_notice.is_default, the seed notice). SQL reads it as
/// <see cref="IdSql"/> or through the table macros current_notice_task() etc.; C# that must write the id reads <see cref="Id"/>.</remarks>
public static class CurrentNotice
{
    /// <summary>A scalar subquery giving the default notice's id, for SQL that filters or inserts rows of "the" notice.</summary>
    public const string IdSql = "(SELECT notice_id FROM v_current_notice)";

    /// <summary>The default notice's id, or null while no notice is loaded.</summary>
    public static string? Id(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {IdSql}";
        return cmd.ExecuteScalar() as string;
    }
}
