namespace Wcc.Etl.Observations;

/// <summary>The SQL of the fast load: the ENUM types its reader uses and the one query that reads the file.</summary>
internal sealed record ObservationFastSql(long Id, string Path, ObservationHeader Header)
{
    public const string ErrorsTable = "obs_fast_csv_errors";
    public const string ScansTable = "obs_fast_csv_scans";

    /// <summary>ENUM type of the known indicator codes (names unique on the connection: temp types last as long as it).</summary>
    public string IndicatorType => $"wcc_obs_{Id}_indicator";
    public string AreaType => $"wcc_obs_{Id}_area";
    public string SexType => $"wcc_obs_{Id}_sex";
    public string UrbanRuralType => $"wcc_obs_{Id}_urban_rural";
    public string StatusType => $"wcc_obs_{Id}_status";

    /// <summary>Creates the ENUM types from the dimensions and the accepted values of <see cref="ObservationRules"/>.</summary>
    public string CreateTypesSql => $"""
        DROP TABLE IF EXISTS {ErrorsTable}; DROP TABLE IF EXISTS {ScansTable};
        CREATE TEMP TYPE {IndicatorType} AS ENUM (SELECT indicator_code FROM dim_indicator);
        CREATE TEMP TYPE {AreaType} AS ENUM (SELECT area_code FROM dim_area);
        CREATE TEMP TYPE {SexType} AS ENUM ({ObservationRules.Sex.ValuesSql});
        CREATE TEMP TYPE {UrbanRuralType} AS ENUM ({ObservationRules.UrbanRural.ValuesSql});
        CREATE TEMP TYPE {StatusType} AS ENUM ({ObservationRules.Status.ValuesSql});
        """;

    public string DropSql => $"DROP TABLE IF EXISTS {ErrorsTable}; DROP TABLE IF EXISTS {ScansTable}; " +
                             string.Concat(new[] { IndicatorType, AreaType, SexType, UrbanRuralType, StatusType }.Select(t => $"DROP TYPE IF EXISTS {t}; "));

    /// <summary>The read_csv type of a file column: codes as ENUMs, the rest as text (the year too: the reader's integer
    /// parsing would take "2e3" for 2000; it is converted below only when written in canonical digits).</summary>
    private string ColumnType(string column) => column switch
    {
        "indicator_code" => IndicatorType,
        "area_code" => AreaType,
        "sex" => SexType,
        "urban_rural" => UrbanRuralType,
        "status" => StatusType,
        _ => "VARCHAR",
    };

    private IReadOnlyList<string> FileColumns => Enumerable.Range(0, Header.FieldCount)
        .Select(p => ObservationFormat.AllColumns[Header.Positions.ToList().IndexOf(p)]).ToList();

    /// <summary>The INSERT of every row the gate accepts; the others go, as written, to <paramref name="refuse"/>.</summary>
    /// <remarks>
    /// Codes are read as ENUMs of the accepted values, so an unknown code, a misspelt sex, status or urban/rural is a
    /// reader error, which DuckDB records with its line number; that
    /// costs no more than joining the dimensions. The value stays text (cast here) so that a row the gate refuses can be
    /// rebuilt exactly as written (<see cref="RawSql"/>) and numbered by <see cref="ObservationLineFinder"/>.
    /// Optional fields must not carry surrounding spaces (such rows go to the exact checks, which trim); when the scan saw
    /// no space next to a separator (<paramref name="spaced"/> false) that test is left out.
    /// </remarks>
    public string InsertSql(string gate, string refuse, bool spaced)
    {
        var spec = "{" + string.Join(", ", FileColumns.Select(c => $"'{c}': '{ColumnType(c)}'")) + "}";
        var absent = ObservationFormat.AllColumns.Where(c => !FileColumns.Contains(c)).Select(c => $", CAST(NULL AS {ColumnType(c)}) AS {c}");
        var keyCode = ObservationKeyScreen.KeyCodeSql("indicator_position", "enum_code(area_code)", "y", "sex", "ag",
            $"enum_code(coalesce(urban_rural, '{ObservationRules.TotalCode}'::{UrbanRuralType}))");
        var spaces = spaced
            ? $"WHEN starts_with(ag, ' ') OR ends_with(ag, ' ') OR starts_with(source, ' ') OR ends_with(source, ' ') THEN {refuse}({RawSql()}) "
            : "";
        return $"""
            INSERT INTO fact_observation (indicator_code, area_code, year, sex, age_group, urban_rural, value, source, status, load_id, is_current)
            SELECT indicator_code::VARCHAR, area_code::VARCHAR, y, sex::VARCHAR, ag, coalesce(urban_rural::VARCHAR, '{ObservationRules.TotalCode}'),
                   CASE WHEN v = 0 THEN 0::DOUBLE ELSE v END,
                   coalesce(source, $source), status::VARCHAR, $load, true
            FROM (
                SELECT *{string.Concat(absent)}, TRY_CAST(value AS DOUBLE) AS v, enum_code(indicator_code) AS indicator_position,
                       -- A year written other than in canonical digits ("2e3", "02019", " 2019") goes to the exact checks.
                       CASE WHEN TRY_CAST(year AS INTEGER)::VARCHAR = year THEN TRY_CAST(year AS INTEGER) END AS y,
                       coalesce(age_group, '{ObservationRules.TotalCode}') AS ag
                FROM read_csv({ObservationStaging.PathLiteral(Path)}, header = true, auto_detect = false,
                              columns = {spec}, delim = ',', quote = '', escape = '', new_line = '\n', null_padding = false,
                              ignore_errors = true, store_rejects = true, rejects_table = '{ErrorsTable}', rejects_scan = '{ScansTable}')
            )
            WHERE CASE {spaces}WHEN {gate}({keyCode}, coalesce(v, 'NaN'::DOUBLE), {ObservationRowGate.PackedSql("indicator_position", "y")}) THEN true
                       ELSE {refuse}({RawSql()}) END
            """;
    }

    /// <summary>Hands the rows written under load id -<c>$load</c> (the staged lines the exact checks loaded) to the gate, keyed as above.</summary>
    public string GateStagedRowsSql(string gate)
    {
        var position = $"enum_code(f.indicator_code::{IndicatorType})";
        var keyCode = ObservationKeyScreen.KeyCodeSql(position, $"enum_code(f.area_code::{AreaType})", "f.year", "f.sex", "f.age_group",
            $"enum_code(f.urban_rural::{UrbanRuralType})");
        return $"""
            SELECT count(*) FROM fact_observation f
            WHERE f.load_id = -$load AND {gate}({keyCode}, f.value, {ObservationRowGate.PackedSql(position, "f.year")})
            """;
    }

    /// <summary>The line as written: on a clean file (no quotes) the reader's fields joined by commas, empty for NULL (a year
    /// written other than canonically does not come back as written, so its line is not found and the general path runs).</summary>
    private string RawSql() =>
        $"concat_ws(',', {string.Join(", ", FileColumns.Select(c => $"coalesce(CAST({c} AS VARCHAR), '')"))})";
}
