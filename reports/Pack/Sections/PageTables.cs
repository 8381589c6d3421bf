using DuckDB.NET.Data;
using Wcc.Reports.Common;

namespace Wcc.Reports.Pack.Sections;

/// <summary>The tables the unit pages and the district map read, for one as-of year (warehouse/sql/50_pack).</summary>
/// <param name="UnitCurrent">Who holds each unit's duties in the as-of year (v_pack_unit_current).</param>
/// <param name="UnitIndicators">The city targets each current unit answers for (v_pack_unit_indicator).</param>
/// <param name="DistrictStatus">Target series per district and verdict (v_pack_district_status).</param>
public sealed record PageTables(ReportTable UnitCurrent, ReportTable UnitIndicators, ReportTable DistrictStatus)
{
    public static PageTables Read(DuckDBConnection connection, int asOfYear)
    {
        var asOf = new Dictionary<string, object> { ["as_of"] = asOfYear };
        return new PageTables(
            MartReader.Query(connection, "unit_current", "SELECT * FROM v_pack_unit_current WHERE year = $as_of ORDER BY unit_name", "v_pack_unit_current", asOf),
            MartReader.Query(connection, "unit_indicator",
                "SELECT * EXCLUDE (as_of_year) FROM v_pack_unit_indicator WHERE as_of_year = $as_of ORDER BY unit_name, task_no NULLS LAST, indicator_code, sex, deadline_year",
                "v_pack_unit_indicator", asOf),
            MartReader.Query(connection, "district_status",
                "SELECT * EXCLUDE (as_of_year) FROM v_pack_district_status WHERE as_of_year = $as_of ORDER BY area_code, status",
                "v_pack_district_status", asOf));
    }

    /// <summary>The unit that holds <paramref name="unitName"/>'s duties in the as-of year (itself when not renamed).</summary>
    public string CurrentOf(string unitName)
    {
        var row = UnitCurrent.Data.Rows.FirstOrDefault(r => Cells.Text(r[UnitCurrent.Column("unit_name")]) == unitName);
        return row is null ? unitName : Cells.Text(row[UnitCurrent.Column("current_name")]);
    }
}
