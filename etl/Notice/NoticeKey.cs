using System.Globalization;
using System.Text.RegularExpressions;

namespace Wcc.Etl.Notice;

/// <summary>The key of a notice in the warehouse (dim_notice.notice_id): short and readable, typed by users.</summary>
public static partial class NoticeKey
{
    /// <summary>The seed notice's fixed id (2018-2020年西安市妇女儿童重点工作责任分工): Xi'an's area code and the period, as
    /// <see cref="Derive"/> makes it. <c>wcc build</c> loads the seed under it as the default notice (dim_notice.is_default);
    /// migration 008 gives it to the one notice of an older warehouse (a test checks the migration spells the same id).</summary>
    public const string SeedId = "610100-2018-2020";

    /// <summary>The area the seed notice governs (Xi'an, GB/T 2260), the first part of <see cref="SeedId"/>.</summary>
    public const string SeedAreaCode = "610100";

    /// <summary>Longest id accepted: it is typed and shown in tables.</summary>
    public const int MaxLength = 64;

    /// <summary>The id of a notice for an area and period: <c>AREA-START-END</c>, as <see cref="SeedId"/>.</summary>
    public static string Derive(string areaCode, int periodStartYear, int periodEndYear) =>
        string.Create(CultureInfo.InvariantCulture, $"{areaCode}-{periodStartYear}-{periodEndYear}");

    /// <summary>True for an id users can type without quoting: letters, digits, '-', '_', '.', at most <see cref="MaxLength"/>.</summary>
    public static bool IsValid(string id) => id.Length <= MaxLength && IdPattern().IsMatch(id);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdPattern();
}
