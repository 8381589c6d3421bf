using System.Reflection;
using Wcc.Etl.Observations;
using Wcc.Notice;
using Wcc.Tests.Etl.Observations;
using Wcc.Tests.Support;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Tests.Warehouse;

/// <summary>The reject reasons are one vocabulary (seeds/vocabulary/reject_reasons.csv → vocab_reject_reason): every code
/// a loader names is a row of it, messages and the pack's summary take the Chinese label and remedy from it.</summary>
public class RejectReasonVocabularyTests
{
    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void CodesInCSharp_AreExactlyTheSeedsRows()
    {
        Assert.Equal(RejectReasonVocabulary.All.Order(StringComparer.Ordinal), Constants(typeof(RejectReasonVocabulary.Codes)).Order(StringComparer.Ordinal));
        // The loaders' own names (observations, notice) are names for those codes, not a second list of values.
        Assert.All(Constants(typeof(RejectReason)).Concat(Constants(typeof(NoticeWarningCodes))), c => Assert.Contains(c, RejectReasonVocabulary.All));
        Assert.Throws<KeyNotFoundException>(() => RejectReasonVocabulary.Label("no_such_reason"));
    }

    [Fact]
    public void ObservationRejects_CarryTheLabel_AndThePackSummaryJoinsLabelAndRemedy()
    {
        using var tmp = new TempDirectory();
        using var w = new ObservationTestWarehouse();
        var file = ObservationTestWarehouse.Write(tmp.File("obs.csv"), string.Join('\n',
            "indicator_code,area_code,year,sex,value",
            "W01,610100,2019,T,45.5",
            "W01,610100,2019,X,45.5",   // bad sex
            "W01,610100,2016,T,120",    // out of bounds
            ""));
        w.Load(false, file);

        foreach (var code in new[] { RejectReason.BadSex, RejectReason.OutOfBounds })
        {
            var reason = (string)w.Scalar("SELECT reason FROM etl_reject WHERE reason_code = $c", ("c", code))!;
            Assert.EndsWith($"({RejectReasonVocabulary.Label(code)})", reason);
            Assert.Equal(RejectReasonVocabulary.Label(code), w.Scalar("SELECT reason_zh FROM v_pack_reject_summary WHERE reason_code = $c", ("c", code)));
            Assert.Equal(RejectReasonVocabulary.Action(code), w.Scalar("SELECT action_zh FROM v_pack_reject_summary WHERE reason_code = $c", ("c", code)));
        }
        Assert.Equal(0L, w.Count("SELECT count(*) FROM etl_reject WHERE reason_code NOT IN (SELECT reason_code FROM vocab_reject_reason)"));
    }
}
