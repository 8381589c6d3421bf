using System.Globalization;
using Spectre.Console;
using Wcc.Etl.Notice;
using Wcc.Notice;

namespace Wcc.Cli.Commands;

/// <summary>Prints what `wcc load --notice` did: the notice, its rows, and the unit names the directory did not know.</summary>
internal static class NoticeLoadReport
{
    public static void Print(NoticeLoadResult r, string fileName)
    {
        var period = r.PeriodStartYear is { } start ? $"{start}-{r.PeriodEndYear}" : r.PeriodEndYear.ToString(CultureInfo.InvariantCulture);
        var what = r.Outcome switch
        {
            NoticeLoadOutcome.Unchanged => $"{fileName}: loaded before as notice {r.NoticeId} (version {r.Version}), unchanged",
            NoticeLoadOutcome.Superseded => $"{fileName}: notice {r.NoticeId} version {r.Version} supersedes version {r.Version - 1} (kept in dim_notice_history)",
            _ => $"{fileName}: notice {r.NoticeId} added",
        };
        AnsiConsole.MarkupLine(Markup.Escape(what));
        if (r.Outcome == NoticeLoadOutcome.Unchanged) return;

        var head = new Table().AddColumns("notice_id", "document", "issuer", "area", "document no", "issued", "period");
        head.AddRow(Markup.Escape(r.NoticeId), Markup.Escape(r.DocumentTitle), Markup.Escape(r.Issuer ?? "-"), Markup.Escape(r.AreaCode ?? "-"),
            Markup.Escape(r.DocumentNo ?? "-"), r.IssueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-", period);
        AnsiConsole.Write(head);
        var c = r.Counts!;
        AnsiConsole.MarkupLine(Markup.Escape(
            $"chapters {c.Chapters}, tasks {c.Tasks} (+ {r.Rejected} refused), assignments {c.Assignments}, targets {c.Targets}; " +
            $"{r.Warnings} warning(s); load_id {r.LoadId} (see etl_reject)"));
        if (r.UnknownUnits.Count == 0) return;
        AnsiConsole.MarkupLine(Markup.Escape(
            $"{r.UnknownUnits.Count} unit name(s) not in the unit directory, kept as written (kind unknown; query v_notice_unknown_unit; add them to seeds/units.csv or as aliases):"));
        var units = new Table().AddColumns("unit as written", "tasks (line)");
        foreach (var u in r.UnknownUnits)
        {
            units.AddRow(Markup.Escape(u.Name), Markup.Escape(string.Join(", ", u.Places.Select(p => $"{p.TaskNo} (line {p.Line})"))));
        }
        AnsiConsole.Write(units);
    }
}
