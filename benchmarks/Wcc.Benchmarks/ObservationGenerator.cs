using System.Globalization;
using System.Text;

namespace Wcc.Benchmarks;

/// <summary>Writes a large, deterministic observation file in the interchange format, with a few bad rows mixed in.</summary>
public static class ObservationGenerator
{
    /// <summary>Indicators generated; every third is a count (F + M = T), the others rates in [0, 100].</summary>
    public const int Indicators = 40;

    /// <summary>One row in this many is bad (an unknown indicator, or with --bad-values a value out of bounds), so the reject path is exercised too.</summary>
    public const int BadRowEvery = 10_000;

    private static readonly string[] AgeGroups = ["_T", "Y0T4", "Y5T9", "Y10T14", "Y15T19", "Y20T34", "Y35T49", "Y50T64", "Y65T79", "Y_GE80"];
    private static readonly string[] UrbanRural = ["_T", "U", "R"];
    // Every year the warehouse can hold (seeds/vocabulary/parameters.csv).
    private static readonly int FirstYear = Wcc.Warehouse.Schema.WarehouseYears.First;
    private static readonly int Years = Wcc.Warehouse.Schema.WarehouseYears.Last - FirstYear + 1;
    private const int WriterBufferBytes = 1 << 20;

    public static string IndicatorCode(int i) => $"B{i:D3}";

    public static string AreaCode(int a) => (610000 + a).ToString(CultureInfo.InvariantCulture);

    public static bool IsCount(int i) => i % 3 == 0;

    /// <summary>Writes <paramref name="rows"/> data rows (plus the header) to <paramref name="path"/>.</summary>
    /// <param name="badValues">Plant bad values (a rate of 150, a count of -1) instead of unknown indicator codes.</param>
    /// <param name="source">The source column of every row.</param>
    /// <param name="encoding">UTF-8 without BOM when null (GB18030 writes what Excel on a Chinese Windows saves).</param>
    /// <param name="lineEnd">"\n", or "\r\n" as Windows writes.</param>
    public static void Write(string path, long rows, bool badValues = false, string source = "bench", Encoding? encoding = null, string lineEnd = "\n")
    {
        using var writer = new StreamWriter(path, false, encoding ?? new UTF8Encoding(false), WriterBufferBytes) { NewLine = lineEnd };
        var rowEnd = "," + source + "," + lineEnd;
        writer.Write("indicator_code,area_code,year,sex,value,age_group,urban_rural,source,status" + lineEnd);
        long written = 0;
        var random = new Random(1);
        // Keys are unique by construction: every (indicator, area, year, age, urban/rural) gets F, M and T rows,
        // and each area (six-digit codes from 610000) takes 219,600 rows before the next one starts.
        for (var a = 0; written < rows; a++)
        for (var i = 0; i < Indicators && written < rows; i++)
        for (var y = 0; y < Years && written < rows; y++)
        for (var g = 0; g < AgeGroups.Length && written < rows; g++)
        for (var u = 0; u < UrbanRural.Length && written < rows; u++)
        {
            double f, m, t;
            if (IsCount(i))
            {
                f = random.Next(0, 100_000);
                m = random.Next(0, 100_000);
                t = f + m;
            }
            else
            {
                f = Math.Round(random.NextDouble() * 100, 1);
                m = Math.Round(random.NextDouble() * 100, 1);
                t = Math.Round((f + m) / 2, 2);
            }
            var area = AreaCode(a);
            foreach (var (sex, value) in new[] { ("F", f), ("M", m), ("T", t) })
            {
                if (written >= rows) break;
                var bad = (written + 1) % BadRowEvery == 0;
                var indicator = bad && !badValues ? "BXXX" : IndicatorCode(i);
                var plantedValue = bad && badValues ? (IsCount(i) ? -1 : 150) : value;
                writer.Write(indicator);
                writer.Write(',');
                writer.Write(area);
                writer.Write(',');
                writer.Write(FirstYear + y);
                writer.Write(',');
                writer.Write(sex);
                writer.Write(',');
                writer.Write(plantedValue.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(AgeGroups[g]);
                writer.Write(',');
                writer.Write(UrbanRural[u]);
                writer.Write(rowEnd);
                written++;
            }
        }
    }

    /// <summary>How many areas a file of <paramref name="rows"/> rows touches, so the dimension can hold them all.</summary>
    public static int AreasNeeded(long rows)
    {
        var perArea = (long)Indicators * Years * AgeGroups.Length * UrbanRural.Length * 3;
        return (int)((rows + perArea - 1) / perArea);
    }
}
