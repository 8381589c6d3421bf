using Wcc.Analytics.Forecast.Methods;
using Wcc.Analytics.Forecast.Model;
using Wcc.Tests.Support;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Tests.Warehouse;

/// <summary>The one vocabulary: the table the SQL joins holds exactly what the C# readers read, and the forecast's
/// thresholds and labels are the vocabulary's.</summary>
public class StatusVocabularyTests(SeedWarehouseFixture warehouse) : IClassFixture<SeedWarehouseFixture>
{
    [Fact]
    public void Table_HoldsTheSeedRows()
    {
        var rows = TinyRows("SELECT status_code, phase, sort_order, label_zh, css_class, colour, p_met_min, p_met_below, tolerance, counts_as_attained, rule_zh FROM vocab_status ORDER BY phase DESC, sort_order");
        Assert.Equal(StatusVocabulary.All.Count, rows.Count);
        foreach (var (term, row) in StatusVocabulary.All.Zip(rows))
        {
            Assert.Equal(term.Code, row["status_code"]);
            Assert.Equal(term.Label, row["label_zh"]);
            Assert.Equal(term.CssClass, row["css_class"]);
            Assert.Equal(term.Colour, row["colour"]);
            Assert.Equal(term.PMetMin, row["p_met_min"] as double?);
            Assert.Equal(term.PMetBelow, row["p_met_below"] as double?);
            Assert.Equal(term.Tolerance, row["tolerance"] as double?);
            Assert.Equal(term.RuleText, row["rule_zh"]);
        }
    }

    [Fact]
    public void ForecastThresholdsAndLabels_AreTheVocabularys()
    {
        Assert.Equal(StatusVocabulary.Get(StatusVocabulary.Codes.OnTrack).PMetMin, AttainmentProbability.OnTrackProbability);
        Assert.Equal(StatusVocabulary.Get(StatusVocabulary.Codes.OffTrack).PMetBelow, AttainmentProbability.OffTrackProbability);
        Assert.Equal(ForecastStatus.OnTrack, AttainmentProbability.StatusOf(StatusVocabulary.OnTrackProbability));
        Assert.Equal(ForecastStatus.NeedsAcceleration, AttainmentProbability.StatusOf(StatusVocabulary.OffTrackProbability));
        Assert.Equal(ForecastStatus.OffTrack, AttainmentProbability.StatusOf(Math.BitDecrement(StatusVocabulary.OffTrackProbability)));
        foreach (var status in Enum.GetValues<ForecastStatus>())
        {
            var term = StatusVocabulary.Get(status.Code());
            Assert.Equal(StatusPhase.Forecast, term.Phase);
            Assert.Equal(term.Label, status.Label());
        }
        // every stored forecast status is a forecast label of the table
        Assert.Equal(0L, warehouse.Scalar("SELECT count(*) FROM fact_forecast WHERE status NOT IN (SELECT label_zh FROM vocab_status WHERE phase = 'forecast')"));
    }

    [Fact]
    public void RuleText_CarriesTheThresholds()
    {
        Assert.Contains(StatusVocabulary.Percent(StatusVocabulary.OnTrackProbability), StatusVocabulary.Get(StatusVocabulary.Codes.OnTrack).RuleText);
        Assert.Contains(StatusVocabulary.Percent(StatusVocabulary.BasicTolerance), StatusVocabulary.Get(StatusVocabulary.Codes.BasicallyAttained).RuleText);
        Assert.DoesNotContain("{", string.Concat(StatusVocabulary.All.Select(t => t.RuleText)));
    }

    [Theory]
    [InlineData("status_code,phase\nx,forecast", "the header must be")]
    [InlineData("HEADER\nx,later,1,标签,l,c,#000,,,,false,规则", "phase 'later' is not forecast or final")]
    [InlineData("HEADER\nx,final,1,标签,l,c,#000,1.5,,,false,规则", "p_met_min '1.5' is not a number between 0 and 1")]
    [InlineData("HEADER\nx,final,1,标签,l,c,#000,,,,false,规则,多余", "line 2: 13 fields, expected 12")]
    [InlineData("HEADER\nx,final,1,标签,l,c,#000,,,,false,规则\ny,final,2,标签,l,c,#000,,,,false,规则", "标签 is declared twice")]
    public void Parse_RefusesAMalformedSeedNamingTheLine(string text, string expected)
    {
        var header = "status_code,phase,sort_order,label_zh,label_en,css_class,colour,p_met_min,p_met_below,tolerance,counts_as_attained,rule_zh";
        var ex = Assert.Throws<InvalidOperationException>(() => StatusVocabulary.Parse(text.Replace("HEADER", header, StringComparison.Ordinal)));
        Assert.Contains(expected, ex.Message);
    }

    private List<Dictionary<string, object?>> TinyRows(string sql)
    {
        using var cmd = warehouse.Connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}
