using Wcc.Warehouse.Connection;

namespace Wcc.Etl.Observations;

/// <summary>Where each interchange column sits in one file, read from its header.</summary>
/// <param name="Positions">For each of <see cref="ObservationFormat.AllColumns"/>, its 0-based position in the file, or -1.</param>
/// <param name="FieldCount">How many columns the header declares; every line must have as many.</param>
public sealed record ObservationHeader(IReadOnlyList<int> Positions, int FieldCount)
{
    /// <summary>Reads the header fields, or refuses the whole file with the header found and the one expected.</summary>
    public static ObservationHeader Parse(IReadOnlyList<string>? fields, string path)
    {
        var found = fields is null ? "(empty file)" : string.Join(',', fields);
        if (fields is null || fields.Count == 0) throw Refuse(path, found);
        var names = fields.Select(f => ObservationText.ToHalfWidth(f).Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var known = names.All(n => ObservationFormat.AllColumns.Contains(n));
        var unique = names.Distinct().Count() == names.Count;
        var complete = ObservationFormat.RequiredColumns.All(names.Contains);
        if (!known || !unique || !complete) throw Refuse(path, found);
        return new ObservationHeader(ObservationFormat.AllColumns.Select(c => names.IndexOf(c)).ToList(), names.Count);
    }

    private static WccException Refuse(string path, string found) =>
        new($"{path}: line 1: wrong or missing header; found '{Shorten(found)}', expected '{ObservationFormat.ExpectedHeader}'",
            "the first line must name the columns (indicator_code,area_code,year,sex,value, optionally age_group,urban_rural,source,status); nothing was loaded",
            exitCode: 2);

    private const int MaxShownHeader = 200;

    private static string Shorten(string text) => text.Length <= MaxShownHeader ? text : text[..MaxShownHeader] + "...";
}
