namespace Wcc.Warehouse.Connection;

/// <summary>What a person can do about an error, as a value: the layer that fails says which step helps, the CLI says
/// how to run it (cli/Commands/Remedies.cs is the one place that names commands and options for these).</summary>
public enum RemedyAction
{
    /// <summary>The warehouse file does not exist: build it (or fix a mistyped path).</summary>
    BuildWarehouse,

    /// <summary>The warehouse has no observations: load indicator data (or build with the synthetic history).</summary>
    LoadObservations,

    /// <summary>The warehouse has no targets: build from the seeds or load a targets file.</summary>
    LoadTargets,

    /// <summary>The warehouse has no notice: build it from the seeds.</summary>
    LoadNotice,

    /// <summary>Name a notice the warehouse holds (its ids are listed in dim_notice).</summary>
    NameALoadedNotice,

    /// <summary>The warehouse is of an older schema: open it once with a writing command. Argument: its path.</summary>
    MigrateWarehouse,

    /// <summary>A DuckDB file holding other tables: point at a warehouse, or add the warehouse's tables on purpose.</summary>
    InitForeignDatabase,

    /// <summary>Not a DuckDB warehouse at all: point at a warehouse file, or remove the file and build again.</summary>
    ReplaceForeignFile,

    /// <summary>A write-ahead log a read-only open cannot replay: open once with a writing command. Argument: the path.</summary>
    FoldWriteAheadLog,

    /// <summary>The read-only query interface was asked to change data.</summary>
    QueriesOnly,

    /// <summary>The read-only query interface was asked to read or write files.</summary>
    QueriesReadOnlyTheWarehouse,

    /// <summary>A collection round was not sent yet. Argument: the round (year), or null.</summary>
    SendRoundFirst,

    /// <summary>A CSV was returned where a form was expected: progress ledgers load through the loader.</summary>
    LoadProgressLedgerInstead,

    /// <summary>A workbook that is not the form the round sent.</summary>
    ReturnTheSentForm,

    /// <summary>An unknown indicator code in a scenario: list the catalogue.</summary>
    ListIndicators,

    /// <summary>Too much text for a printable pack: read the data directly instead.</summary>
    ReadTheDataInstead,

    /// <summary>A broken relationship between tables: run the data tests.</summary>
    RunDataTests,
}

/// <summary>A remedy: the action and, where it needs one, its argument (a path, a year).</summary>
public readonly record struct Remedy(RemedyAction Action, string? Argument = null);
