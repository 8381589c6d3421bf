using DuckDB.NET.Data;
using Wcc.Warehouse.Connection;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Warehouse.Schema;

/// <summary>The calendar years the warehouse can hold, and the checks every year-like option and every year-reading loader
/// share, so a year range is defined once.</summary>
/// <remarks>
/// <see cref="First"/>-<see cref="Last"/> come from seeds/vocabulary/parameters.csv (<see cref="WarehouseParameters"/>), the
/// one definition that dim_year's rows are generated from too (warehouse/sql/10_dimensions/dim_year.sql, through
/// vocab_parameter); WarehouseYearsTests checks the two agree. A year outside them is a typing mistake, not a plan year.
/// </remarks>
public static class WarehouseYears
{
    /// <summary>Earliest year: the baseline decade of the national programmes for women and children.</summary>
    public static int First => WarehouseParameters.FirstYear;

    /// <summary>Latest year: far enough for the 2021-2030 programmes and the plans and projections after them.</summary>
    public static int Last => WarehouseParameters.LastYear;

    /// <summary>Exit code of a refused option value (a usage error, like a malformed option).</summary>
    public const int UsageExitCode = 2;

    /// <summary>The range as messages write it (first-last).</summary>
    public static string Range => $"{First}-{Last}";

    /// <summary>True when <paramref name="year"/> is one the warehouse can hold.</summary>
    public static bool Contains(int year) => year >= First && year <= Last;

    /// <summary>First and last year of the current observations, or null when there are none.</summary>
    public static (int First, int Last)? ObservedYears(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT min(year), max(year) FROM v_observation";
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return reader.IsDBNull(0) ? null : (reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>End of the period of the default notice (v_current_notice), or null when none is loaded.</summary>
    public static int? NoticePeriodEnd(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT max(period_end_year) FROM v_current_notice";
        var value = cmd.ExecuteScalar();
        return value is null or DBNull ? null : Convert.ToInt32(value);
    }

    /// <summary>Refuses <paramref name="year"/> of <paramref name="option"/> unless it lies in <paramref name="from"/>-<paramref name="to"/>.</summary>
    /// <param name="why">What the valid range is made of, for the message (e.g. "the years with observations").</param>
    public static void Require(InputOption option, int year, int from, int to, string why)
    {
        var name = option.Ref();
        if (from > to)
        {
            throw new WccException($"{name} {year}: no year is valid ({why}: the range {from}-{to} is empty)",
                $"change the other year options (e.g. {InputOption.AsOfYear.Ref()}) or the data, so that the range is not empty", UsageExitCode);
        }
        if (year < from || year > to)
        {
            throw new WccException($"{name} {year} is outside the valid range {from}-{to} ({why})",
                $"pass {name} between {from} and {to}", UsageExitCode);
        }
    }

    /// <summary>Checks an as-of year: within the years that have observations (the data a forecast stands on) and within <see cref="Range"/>.</summary>
    public static void RequireAsOf(DuckDBConnection connection, int asOfYear)
    {
        var observed = ObservedYears(connection)
            ?? throw new WccException("the warehouse has no observations", new Remedy(RemedyAction.LoadObservations));
        Require(InputOption.AsOfYear, asOfYear, Math.Max(First, observed.First), Math.Min(Last, observed.Last),
            $"the years with observations are {observed.First}-{observed.Last}");
    }
}
