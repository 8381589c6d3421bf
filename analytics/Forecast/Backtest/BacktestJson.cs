using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Wcc.Analytics.Forecast.Backtest;

/// <summary>Writes a backtest as the JSON contract: {"cutoff", "methods":[…], "predictions":[…]}.</summary>
/// <remarks>Each method carries its scores, the coverage of its 80% intervals (after and before the rolling-origin
/// calibration, and the factor applied) and its reliability table; each prediction its 80% interval (lower, upper: the
/// columns of v_forecast).</remarks>
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
                Number(json, "coverage_80", m.Coverage);
                Number(json, "coverage_80_uncalibrated", m.RawCoverage);
                json.WriteStartArray("interval_scale_by_horizon");
                foreach (var f in m.IntervalScale ?? []) json.WriteNumberValue(Math.Round(f, Decimals));
                json.WriteEndArray();
                json.WriteStartArray("reliability");
                foreach (var b in m.Reliability ?? [])
                {
                    json.WriteStartObject();
                    Number(json, "p_from", b.From);
                    Number(json, "p_to", b.To);
                    json.WriteNumber("n", b.N);
                    Number(json, "mean_p_met", b.MeanPredicted);
                    Number(json, "share_met", b.ObservedShare);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
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
                Number(json, "lower", p.Lower);
                Number(json, "upper", p.Upper);
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
