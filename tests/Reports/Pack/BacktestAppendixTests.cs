using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Wcc.Analytics.Forecast.Backtest;
using Wcc.Analytics.Forecast.Model;

namespace Wcc.Tests.Reports.Pack;

/// <summary>The methods appendix shows the backtest at the selection cutoff and its neighbours, as the backtest itself scores them.</summary>
[Trait("Category", "Slow")]
public partial class BacktestAppendixTests(SeedPackFixture pack) : IClassFixture<SeedPackFixture>
{
    [Fact]
    public void MethodsAppendix_ShowsScoresCoverageAndReliability_AtCutoffs2016To2018()
    {
        var html = pack.IndexHtml;
        var appendix = html[html.IndexOf("id=\"methodology\"", StringComparison.Ordinal)..];
        appendix = appendix[appendix.IndexOf("回测:评分", StringComparison.Ordinal)..appendix.IndexOf("</section>", StringComparison.Ordinal)];
        var rows = ScoreRow().Matches(appendix).Select(m => m.Groups.Cast<Group>().Skip(1).Select(g => WebUtility.HtmlDecode(g.Value)).ToArray()).ToList();
        foreach (var cutoff in new[] { 2016, 2017, 2018 })
        {
            Assert.Contains($"回测可靠性图(截点{cutoff}年)", appendix);
            // The page's figures are those of the backtest run on its own: Brier, log loss and coverage of every method.
            var report = BacktestRun.Execute(pack.Warehouse.Connection, cutoff, pack.Result.AsOfYear);
            foreach (var score in report.Methods)
            {
                var row = Assert.Single(rows, r => r[0] == cutoff.ToString(CultureInfo.InvariantCulture) && r[1] == MethodNames.ShortChinese(score.Method));
                Assert.Equal(score.N.ToString(CultureInfo.InvariantCulture), row[2]);
                Assert.Equal(Three(score.Brier), row[3]);
                Assert.Equal(Three(score.LogLoss), row[4]);
                Assert.Equal(Three(score.Coverage), row[5]);
                Assert.Equal(Three(score.RawCoverage), row[6]);
            }
            // One reliability row per method and cutoff.
            Assert.Equal(report.Methods.Count, ReliabilityRow().Matches(appendix).Count(m => m.Groups[1].Value == cutoff.ToString(CultureInfo.InvariantCulture)));
        }
        // People read Chinese method names here, never the codes.
        var text = WebUtility.HtmlDecode(Tag().Replace(appendix, " "));
        Assert.All(MethodNames.All, code => Assert.DoesNotContain(code, text));
    }

    // Tags (and the PNG data inside img attributes) are markup, not text people read.
    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    private static string Three(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    // cutoff, method, n, Brier, log loss, coverage, raw coverage (the score table's first seven cells).
    [GeneratedRegex("<tr><td class=\"num\">(\\d{4})</td><td[^>]*>([^<]+)</td><td class=\"num\">(\\d+)</td><td[^>]*>([^<]+)</td><td[^>]*>([^<]+)</td><td[^>]*>([^<]+)</td><td[^>]*>([^<]+)</td>")]
    private static partial Regex ScoreRow();

    // cutoff and method, then the first reliability bin "0.08→0.04(27)".
    [GeneratedRegex("<tr><td class=\"num\">(\\d{4})</td><td[^>]*>[^<]+</td><td[^>]*>(?:—|[0-9.]+→[0-9.]+\\(\\d+\\))</td>")]
    private static partial Regex ReliabilityRow();
}
