using System.Globalization;
using Wcc.Reports.Common;

namespace Wcc.Reports.Pack.Sections;

/// <summary>District attainment: a tile-grid map of the districts and counties coloured by their prevailing verdict,
/// and table T5 with every district's target series by verdict.</summary>
public static class DistrictMapSection
{
    public const string Title = "各区县目标达成情况";

    /// <summary>Tile size and gap on the map, in SVG units (the map scales to the page width).</summary>
    private const int TileSize = 104, Gap = 6;

    /// <summary>A district's verdict counts and its prevailing verdict.</summary>
    public sealed record District(string AreaCode, string AreaName, IReadOnlyDictionary<string, int> Series)
    {
        public int Total => Series.Values.Sum();

        /// <summary>Series met (the 达标 count of the verdict vocabulary).</summary>
        public int Met => Series.Where(s => PageVerdict.IsMet(s.Key)).Sum(s => s.Value);

        /// <summary>Series with a verdict other than no data: the denominator of the 达标率.</summary>
        public int Judged => Series.Where(s => !PageVerdict.IsNoData(s.Key)).Sum(s => s.Value);

        /// <summary>The verdict most of the district's judged series have (ties go to the worse one); no data when none is judged.</summary>
        public string Prevailing => Series.Where(s => !PageVerdict.IsNoData(s.Key))
            .OrderByDescending(s => s.Value).ThenByDescending(s => PageVerdict.Rank(s.Key)).Select(s => s.Key)
            .DefaultIfEmpty(Series.Keys.FirstOrDefault() ?? Wcc.Warehouse.Vocabulary.StatusVocabulary.Get(Wcc.Warehouse.Vocabulary.StatusVocabulary.Codes.NoData).Label).First();
    }

    /// <summary>The districts of the status table, one per area, in area-code order.</summary>
    public static IReadOnlyList<District> Districts(ReportTable status) =>
        status.Data.Rows.GroupBy(r => (Code: Cells.Text(r[status.Column("area_code")]), Name: Cells.Text(r[status.Column("area_name")])))
            .Select(g => new District(g.Key.Code, g.Key.Name, g.ToDictionary(r => PageVerdict.Of(r[status.Column("status")]), r => Cells.Count(r[status.Column("series")]))))
            .OrderBy(d => d.AreaCode, StringComparer.Ordinal).ToList();

    public static PackSection Build(PackContext context, string number)
    {
        var pages = context.Pages ?? throw new InvalidOperationException("the district map needs the page tables (PackContext.Pages)");
        var districts = Districts(pages.DistrictStatus);
        var heading = $"{number}、{Title}";
        var html = new Html().Raw("<section class=\"page\" id=\"districts\">").Element("h2", heading);
        if (districts.Count == 0)
        {
            html.Element("p", "数据仓库中没有区县的目标序列,暂无法评估各区县达成情况。").Raw("</section>");
            return new PackSection("districts", heading, html.ToString(), []);
        }
        html.Element("p", $"每个方块代表一个区县,按其所在方位大致排列(北在上;方块大小不代表面积)。颜色为该区县多数目标序列的判定(截至{context.AsOfYear}年),"
            + "方块内为计入达标率的序列数/有判定的序列数;区县未单独设定目标时,以全市目标衡量。");
        html.Raw(Map(districts));
        var verdicts = districts.SelectMany(d => d.Series.Keys).Distinct().OrderBy(PageVerdict.Rank).ThenBy(v => v, StringComparer.Ordinal).ToList();
        var headers = new List<string> { "区县", "目标序列" };
        headers.AddRange(verdicts);
        headers.AddRange(["达标率", "多数判定"]);
        var rows = districts.Select(d =>
        {
            var cells = new List<PageHtml.Cell> { PageHtml.Cell.Plain(d.AreaName), PageHtml.Cell.Number(Count(d.Total)) };
            cells.AddRange(verdicts.Select(v => PageHtml.Cell.Number(Count(d.Series.GetValueOrDefault(v)))));
            cells.Add(PageHtml.Cell.Number(d.Judged == 0 ? "—" : $"{100.0 * d.Met / d.Judged:0.0}%"));
            cells.Add(PageHtml.Cell.Verdict(d.Prevailing));
            return (IReadOnlyList<PageHtml.Cell>)cells;
        }).ToList();
        PageHtml.Table(html, headers, rows, "districts", "表T5 各区县目标达成情况");
        html.Element("p", "达标率 = 计入达标率的目标序列数 ÷ 有判定(有数据)的目标序列数;一个目标序列为一个指标在一个性别上的一个到期目标。", "note");
        html.Raw("</section>");

        var sheet = new SheetTable("T5 区县达标情况", headers, districts.Select(d =>
        {
            var values = new List<object?> { d.AreaName, d.Total };
            values.AddRange(verdicts.Select(v => (object?)d.Series.GetValueOrDefault(v)));
            values.Add(d.Judged == 0 ? null : (double)d.Met / d.Judged);
            values.Add(d.Prevailing);
            return values.ToArray();
        }).ToList());
        return new PackSection("districts", heading, html.ToString(), [sheet]);
    }

    /// <summary>The tile-grid map as inline SVG (colours from pack.css by verdict class); districts without a tile
    /// position are placed in a row of their own below the map, so none is left out.</summary>
    public static string Map(IReadOnlyList<District> districts)
    {
        var placed = DistrictTiles.All.ToDictionary(t => t.AreaCode);
        var extraRow = DistrictTiles.All.Select(t => t.Row).DefaultIfEmpty(-1).Max() + 1;
        var extraColumn = 0;
        var cells = districts.Select(d => placed.TryGetValue(d.AreaCode, out var tile) ? (d, tile.Row, tile.Column) : (d, extraRow, extraColumn++)).ToList();
        var columns = cells.Max(c => c.Item3) + 1;
        var rows = cells.Max(c => c.Item2) + 1;
        var width = columns * (TileSize + Gap);
        var height = rows * (TileSize + Gap);
        var svg = new Html().Raw($"<figure class=\"tilemap\"><svg role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">")
            .Raw("<title>").Text(Title).Raw("</title>");
        foreach (var (d, row, column) in cells)
        {
            var x = column * (TileSize + Gap);
            var y = row * (TileSize + Gap);
            var css = PageVerdict.CssClass(d.Prevailing);
            svg.Raw($"<g class=\"tile {css}\"><rect x=\"{x}\" y=\"{y}\" width=\"{TileSize}\" height=\"{TileSize}\" rx=\"6\"/>")
                .Raw($"<text x=\"{x + TileSize / 2}\" y=\"{y + 36}\" class=\"name\">").Text(d.AreaName).Raw("</text>")
                .Raw($"<text x=\"{x + TileSize / 2}\" y=\"{y + 62}\" class=\"verdict\">").Text(d.Prevailing).Raw("</text>")
                .Raw($"<text x=\"{x + TileSize / 2}\" y=\"{y + 86}\" class=\"count\">").Text($"{d.Met}/{d.Judged}").Raw("</text></g>");
        }
        svg.Raw("</svg><figcaption>");
        svg.Text("图例:").Raw(string.Concat(districts.SelectMany(d => d.Series.Keys).Distinct().OrderBy(PageVerdict.Rank)
            .Select(v => $"<span class=\"status {PageVerdict.CssClass(v)}\">{Html.Escape(v)}</span> ")));
        svg.Text("(方块内:计入达标率/有判定的目标序列数)。方块位置为示意,不代表边界与面积。").Raw("</figcaption></figure>");
        return svg.ToString();
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
