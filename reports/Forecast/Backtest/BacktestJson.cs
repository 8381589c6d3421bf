using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Wcc.Reports.Forecast.Backtest;

/// <summary>Writes a backtest as the JSON contract: {"cutoff", "methods":[…], "predictions":[…]}.</summary>
public static class BacktestJson
{
    /// <summary>Significant digits kept for scores and values, so the output is stable and readable.</summary>
    public const int Decimals = 6;

    /// <summary>The JSON text (indented, UTF-8, Chinese unescaped).</summary>
    public static string Write(BacktestReport report)
    {
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartObject();
            json.WriteNumber("cutoff", report.Cutoff);
            json.WriteStartArray("methods");
            foreach (var m in report.Methods)
            {
                json.WriteStartObject();
                json.WriteString("method", m.Method);
                json.WriteNumber("n", m.N);
                Number(json, "accuracy", m.Accuracy);
                Number(json, "brier", m.Brier);
                Number(json, "log_loss", m.LogLoss);
                Number(json, "auc", m.Auc);
                Number(json, "mae", m.Mae);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("predictions");
            foreach (var p in report.Predictions)
            {
                json.WriteStartObject();
                json.WriteString("indicator_code", p.IndicatorCode);
                json.WriteString("area_code", p.AreaCode);
                json.WriteString("sex", p.Sex);
                json.WriteNumber("deadline_year", p.DeadlineYear);
                json.WriteString("method", p.Method);
                Number(json, "p_met", p.PMet);
                Number(json, "projected_value", p.ProjectedValue);
                Number(json, "actual_value", p.ActualValue);
                json.WriteBoolean("actual_met", p.ActualMet);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) json.WriteNumber(name, Math.Round(v, Decimals));
        else json.WriteNull(name);
    }
}
