using Wcc.Notice;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Notice;

/// <summary>Every corpus notice, mutated at random (lines dropped, repeated, swapped, cut short, bars and numbers
/// inserted): the parser either reads it or refuses it with a WccException, never another exception.</summary>
public class NoticeCorpusMutationTests
{
    /// <summary>Mutations per corpus notice; seeded, so a failure is reproducible.</summary>
    private const int MutationsPerNotice = 150;

    private static readonly string[] Inserts = ["序号 |", "1 |", "主要责任单位", "牵头单位:", "（", "】", "一是", "(1)", "5.2019年", "列第一位者为牵头单位", "等和各省级人民政府负责）", "——"];

    [Fact]
    public void MutatedCorpusNotices_OnlyWccExceptions()
    {
        var random = new Random(1616);
        var parsed = 0;
        foreach (var notice in NoticeCorpus.All)
        {
            var lines = File.ReadAllLines(notice.Path).ToList();
            for (var i = 0; i < MutationsPerNotice; i++)
            {
                var copy = Mutate(lines, random);
                try
                {
                    NoticeParser.Parse(string.Join("\n", copy), notice.FileName);
                    parsed++;
                }
                catch (WccException)
                {
                }
                catch (Exception e)
                {
                    Assert.Fail($"{notice.FileName}, mutation {i}: {e.GetType().Name}: {e.Message}\n{string.Join("\n", copy)}");
                }
            }
        }
        Assert.True(parsed > 0);
    }

    private static List<string> Mutate(List<string> lines, Random random)
    {
        var copy = new List<string>(lines);
        for (var k = random.Next(1, 5); k > 0 && copy.Count > 0; k--)
        {
            var at = random.Next(copy.Count);
            switch (random.Next(5))
            {
                case 0: copy.RemoveAt(at); break;
                case 1: copy.Insert(at, copy[random.Next(copy.Count)]); break;
                case 2: (copy[at], copy[random.Next(copy.Count)]) = (copy[random.Next(copy.Count)], copy[at]); break;
                case 3: copy[at] = copy[at][..random.Next(copy[at].Length + 1)]; break;
                default: copy.Insert(at, Inserts[random.Next(Inserts.Length)]); break;
            }
        }
        return copy;
    }
}
