namespace Wcc.Warehouse.Connection;

/// <summary>How a command opens the warehouse file.</summary>
public enum WarehouseAccess
{
    /// <summary>Queries only; DuckDB refuses writes and several readers may share the file. The file must exist.</summary>
    ReadOnly,

    /// <summary>Builds: one such process per file; a missing file is created (only <c>build</c> and <c>pack</c> do this).</summary>
    ReadWrite,

    /// <summary>Loads, forecasts and plans: like <see cref="ReadWrite"/> but the warehouse must already exist, so a mistyped
    /// <c>--db</c> is an error instead of a new empty warehouse.</summary>
    Update,
}
