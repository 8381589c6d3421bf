using DuckDB.NET.Data;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Files;

namespace Wcc.Etl.Collection;

/// <summary>Options of <c>wcc collect templates</c>.</summary>
/// <param name="Round">The year the figures refer to.</param>
/// <param name="Units">Only these units (empty = every reporting unit).</param>
/// <param name="OutDirectory">Where the forms go; existing forms are not replaced.</param>
/// <param name="Clock">Time the round is recorded as sent; tests pin it.</param>
/// <param name="Deadline">Deadline printed on the forms; null = <see cref="TemplateJob.DefaultDeadline"/>.</param>
public sealed record TemplateOptions(int Round, IReadOnlyList<string> Units, string OutDirectory, Func<DateTime> Clock, DateOnly? Deadline = null, bool Overwrite = false);

/// <summary>One form written.</summary>
public sealed record TemplateFile(string UnitName, string Path, int IndicatorCells, int Tasks);

/// <summary>Sends a round: writes one form per reporting unit and records what each owes (<c>fact_collection_owed</c>).</summary>
public static class TemplateJob
{
    /// <summary>How the output folder's manifest names this command.</summary>
    public const string Command = "collect templates";

    /// <summary>Forms are due by the end of March after the reporting year: annual statistics are final by then, and the
    /// committee's yearly 推进会 follows in spring.</summary>
    public static DateOnly DefaultDeadline(int round) => new(round + 1, 3, 31);

    /// <summary>File name of a unit's form.</summary>
    public static string FileName(int round, string unitName) => $"{round}年度妇儿监测报送表-{unitName}.xlsx";

    /// <summary>Writes the forms and records the round in one transaction; refuses to replace an existing form.</summary>
    public static IReadOnlyList<TemplateFile> Run(DuckDBConnection connection, TemplateOptions options)
    {
        var forms = CollectionPlan.Read(connection, options.Round, options.Units);
        if (forms.Count == 0)
        {
            throw new WccException($"no unit owes anything in round {options.Round}",
                new Remedy(RemedyAction.LoadNotice), exitCode: 2, hint: "check seeds/indicators.csv (reporting_unit) and that the notice's tasks are loaded");
        }
        var deadline = options.Deadline ?? DefaultDeadline(options.Round);
        var rules = AuditRuleNotes(connection);
        // All or nothing, like every output of wcc: the forms are written into a staging folder, the round is recorded in the
        // same transaction, and the folder is swapped in only when every form is complete (a folder of forms already sent
        // is replaced only with --overwrite, and only the forms this command wrote).
        return StagedOutputFolder.Write(options.OutDirectory, options.Overwrite, Command, folder =>
        {
            using var tx = connection.BeginTransaction();
            RecordRound(connection, options, deadline, forms);
            var files = new List<TemplateFile>();
            foreach (var form in forms)
            {
                var staged = Path.Combine(folder.Staging, FileName(options.Round, form.UnitName));
                TemplateWriter.Write(staged, form, deadline, rules);
                files.Add(new TemplateFile(form.UnitName, folder.Final(staged), form.Indicators.Count, form.Tasks.Count));
            }
            tx.Commit();
            return (IReadOnlyList<TemplateFile>)files;
        });
    }

    private static List<string> AuditRuleNotes(DuckDBConnection connection)
    {
        var notes = new List<string>();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT note FROM dim_audit_rule WHERE note IS NOT NULL ORDER BY rule_id";
        using var r = cmd.ExecuteReader();
        while (r.Read()) notes.Add(r.GetString(0));
        return notes;
    }

    private static void RecordRound(DuckDBConnection connection, TemplateOptions options, DateOnly deadline, IReadOnlyList<UnitForm> forms)
    {
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                DELETE FROM dim_collection_round WHERE round_year = $round;
                INSERT INTO dim_collection_round VALUES ($round, $deadline, $sent, $synthetic);
                """;
            cmd.Parameters.Add(new DuckDBParameter("round", options.Round));
            cmd.Parameters.Add(new DuckDBParameter("deadline", deadline.ToDateTime(TimeOnly.MinValue)));
            cmd.Parameters.Add(new DuckDBParameter("sent", options.Clock()));
            cmd.Parameters.Add(new DuckDBParameter("synthetic", forms.Any(f => f.HistoryIsSynthetic)));
            cmd.ExecuteNonQuery();
        }
        foreach (var form in forms)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "DELETE FROM fact_collection_owed WHERE round_year = $round AND unit_name = $unit";
            cmd.Parameters.Add(new DuckDBParameter("round", options.Round));
            cmd.Parameters.Add(new DuckDBParameter("unit", form.UnitName));
            cmd.ExecuteNonQuery();
        }
        using var appender = connection.CreateAppender("fact_collection_owed");
        foreach (var form in forms)
        {
            foreach (var i in form.Indicators)
            {
                appender.CreateRow().AppendValue(options.Round).AppendValue(form.UnitName).AppendValue(i.Key).AppendValue("indicator")
                    .AppendValue(i.IndicatorCode).AppendValue(i.AreaCode).AppendValue(i.Sex).AppendNullValue().AppendNullValue().EndRow();
            }
            foreach (var t in form.Tasks)
            {
                appender.CreateRow().AppendValue(options.Round).AppendValue(form.UnitName).AppendValue(t.Key).AppendValue("progress")
                    .AppendNullValue().AppendNullValue().AppendNullValue().AppendValue(t.TaskNo).AppendValue(t.Role).EndRow();
            }
        }
    }
}
