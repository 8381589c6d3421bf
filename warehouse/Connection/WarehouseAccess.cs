namespace Wcc.Warehouse.Connection;

/// <summary>How a command opens the warehouse file.</summary>
public enum WarehouseAccess
{
    /// <summary>Queries only; DuckDB refuses writes and several readers may share the file.</summary>
    ReadOnly,

    /// <summary>Loads and builds; DuckDB allows one such process per file.</summary>
    ReadWrite,
}
