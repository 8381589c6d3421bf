using DuckDB.NET.Data;
using Wcc.Reports.Common;
using Wcc.Reports.Compare.Model;
using Wcc.Warehouse.Schema;

namespace Wcc.Reports.Compare.Store;

/// <summary>Reads the warehouse's rename map for a year (v_pack_unit_current) and the indicator catalogue's directions.</summary>
public static class UnitSuccession
{
    private const string SuccessorFile = "Compare/queries/unit_successor.sql";

    /// <summary>The units whose duties another unit holds in <paramref name="year"/> (kept within the warehouse's years).</summary>
    public static UnitRenames Read(DuckDBConnection connection, int year)
    {
        var within = Math.Clamp(year, WarehouseYears.First, WarehouseYears.Last);
        var table = MartReader.Query(connection, "unit_successor", MartReader.EmbeddedSql(SuccessorFile), SuccessorFile,
            new Dictionary<string, object> { ["year"] = within });
        return new UnitRenames(
            table.Data.Rows.ToDictionary(r => Cells.Text(r[0]), r => Cells.Text(r[1]), StringComparer.Ordinal), within);
    }

    /// <summary>The year a comparison maps units in: the later of the two notices' first years (the cycle being compared to).</summary>
    public static int YearOf(NoticeSnapshot from, NoticeSnapshot to) =>
        Math.Max(from.PeriodStartYear ?? from.PeriodEndYear ?? WarehouseYears.First, to.PeriodStartYear ?? to.PeriodEndYear ?? WarehouseYears.First);

    /// <summary>Every indicator of dim_indicator with its name and direction.</summary>
    public static IReadOnlyList<IndicatorRef> Indicators(DuckDBConnection connection)
    {
        var table = MartReader.View(connection, "indicator", "dim_indicator", "indicator_code");
        return table.Data.Rows.Select(r => new IndicatorRef(
            Cells.Text(r[table.Column("indicator_code")]), Cells.Text(r[table.Column("name_zh")]), Cells.Text(r[table.Column("direction")]))).ToList();
    }
}
