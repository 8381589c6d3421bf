using Wcc.Warehouse.Connection;

namespace Wcc.Cli.Commands;

/// <summary>How the CLI spells each remedy the lower layers name (<see cref="Remedy"/>): the one place outside the command
/// definitions that writes command and option names, so a renamed command or flag changes every hint.</summary>
public static class Remedies
{
    /// <summary>The remedy as a hint line, with the commands and options to run.</summary>
    public static string Render(Remedy remedy) => remedy.Action switch
    {
        RemedyAction.NameALoadedNotice => "name one of those ids (`wcc sql \"SELECT notice_id, document_title FROM dim_notice\"` lists them)",
        RemedyAction.BuildWarehouse => "build it first with `wcc build` (or check the --db path for a typo)",
        RemedyAction.LoadObservations => "load indicator data first with `wcc load` (or `wcc build`)",
        RemedyAction.LoadTargets => "load targets (seeds/targets.csv via `wcc build`, or a targets file via `wcc load`)",
        RemedyAction.LoadNotice => "load the notice first with `wcc build`",
        RemedyAction.MigrateWarehouse => $"run `wcc build --db {remedy.Argument}` once to migrate it",
        RemedyAction.InitForeignDatabase =>
            "point --db at a wcc warehouse or a new file; to add the warehouse's tables to this database anyway, run `wcc build --init`",
        RemedyAction.ReplaceForeignFile => "point --db at a file made by `wcc build`, or remove it and build again",
        RemedyAction.FoldWriteAheadLog =>
            $"open it once with a writing command, e.g. `wcc forecast --db {remedy.Argument}`, which folds the log into the file (nothing committed is lost)",
        RemedyAction.QueriesOnly =>
            "`wcc sql` runs queries only (SELECT, FROM, WITH, VALUES, SHOW, DESCRIBE, SUMMARIZE); change data with `wcc build`/`wcc load`, write files with `wcc export csv|parquet`",
        RemedyAction.QueriesReadOnlyTheWarehouse =>
            "`wcc sql` reads only the warehouse (`--allow-read DIR` lets queries read files under DIR); write files with `wcc export csv|parquet`",
        RemedyAction.SendRoundFirst => $"send the round first: `wcc collect templates --round {remedy.Argument ?? "YEAR"} --out DIR`",
        RemedyAction.LoadProgressLedgerInstead => "return the form itself (.xlsx); CSV ledgers of progress load with `wcc load --progress FILE`",
        RemedyAction.ReturnTheSentForm => "return the form sent by `wcc collect templates`, with its header rows intact",
        RemedyAction.ListIndicators => "use an indicator_code of dim_indicator (`wcc sql \"SELECT indicator_code, name_zh FROM dim_indicator\"` lists them)",
        RemedyAction.ReadTheDataInstead => "check the notice and the loaded files, or read the data with `wcc sql` / `wcc export`",
        RemedyAction.RunDataTests => "load the indicator catalogue (or run `wcc check` to find the broken relationship)",
        _ => throw new ArgumentOutOfRangeException(nameof(remedy), remedy.Action, "no rendering for this remedy"),
    };

    /// <summary>The hint line of an error: its prose, then its remedy, either of which may be missing.</summary>
    public static string? Hint(WccException error) =>
        (error.Hint, error.Remedy) switch
        {
            (null, null) => null,
            ({ } hint, null) => hint,
            (null, { } remedy) => Render(remedy),
            ({ } hint, { } remedy) => $"{hint}; {Render(remedy)}",
        };
}
