using DuckDB.NET.Data;
using Wcc.Reports.Compare.Model;

namespace Wcc.Tests.Reports.Compare;

/// <summary>Writes a notice snapshot into a warehouse's notice tables under its id, as `wcc load --notice` would (that
/// command is another branch's; these are the rows the schema defines), so the reader is tested on real tables.</summary>
internal static class StoredNotices
{
    public static void Insert(DuckDBConnection connection, NoticeSnapshot notice)
    {
        void Run(string sql, params (string Name, object? Value)[] values)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            foreach (var (name, value) in values) cmd.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
            cmd.ExecuteNonQuery();
        }
        Run("""
            INSERT INTO dim_notice (notice_id, notice_title, document_title, period_start_year, period_end_year, file_name, version, is_default)
            VALUES ($id, $title, $title, $start, $end, 'test.txt', 1, false)
            """, ("id", notice.Id), ("title", notice.Title), ("start", notice.PeriodStartYear), ("end", notice.PeriodEndYear));
        foreach (var chapter in notice.Tasks.Select(t => (t.ChapterNo, t.ChapterTitle)).Distinct())
        {
            Run("INSERT INTO dim_chapter (notice_id, chapter_no, title) VALUES ($id, $no, $title)", ("id", notice.Id), ("no", chapter.ChapterNo), ("title", chapter.ChapterTitle));
        }
        foreach (var t in notice.Tasks)
        {
            Run("INSERT INTO dim_task (notice_id, task_no, chapter_no, task_text, line_from, line_to) VALUES ($id, $no, $ch, $text, 1, 1)",
                ("id", notice.Id), ("no", t.No), ("ch", t.ChapterNo), ("text", t.Text));
            foreach (var (units, role) in new[] { (t.Lead, "lead"), (t.Responsible, "responsible") })
            {
                for (var i = 0; i < units.Count; i++)
                {
                    Run("INSERT INTO fact_task_assignment (notice_id, task_no, unit_name, role, ordinal) VALUES ($id, $no, $unit, $role, $ord)",
                        ("id", notice.Id), ("no", t.No), ("unit", units[i]), ("role", role), ("ord", i + 1));
                }
            }
            for (var i = 0; i < t.Targets.Count; i++)
            {
                var g = t.Targets[i];
                Run("""
                    INSERT INTO fact_task_target (notice_id, task_no, target_ordinal, comparator, target_value, unit_of_measure, deadline_year, phrase)
                    VALUES ($id, $no, $ord, $cmp, $value, $unit, $year, $phrase)
                    """, ("id", notice.Id), ("no", t.No), ("ord", i + 1), ("cmp", g.Comparator), ("value", g.Value), ("unit", g.Unit), ("year", g.Year), ("phrase", g.Phrase));
            }
        }
    }
}
