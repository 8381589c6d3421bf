using System.Text;
using Wcc.Notice;
using Wcc.Tests.Etl.Observations;
using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Reliability;

/// <summary>Seeded fuzzing of the notice parser and the observation loader: only WccException may escape, and no row may be lost.</summary>
/// <remarks>To replay a failure, set the seed printed in the message and run up to the iteration it names.</remarks>
[Trait("Category", "Slow")]
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int ParserSeed = 1818;
    private const int ParserIterations = 300;
    private const int LoaderSeed = 2020;
    private const int LoaderIterations = 100;
    private const int MaxMutationsPerCase = 6;
    private const string ChinesePunctuation = "，。、；：（）《》“”‘’！？【】…—·";
    private const string CsvNoise = ",\"\r\n;%\u3000\uFEFF=-+.eE0123456789人";

    [Fact]
    public void NoticeParser_RandomMutationsOfTheSeedNotice_OnlyWccExceptions()
    {
        var seed = File.ReadAllText(RepoPaths.Notice);
        var random = new Random(ParserSeed);
        int parsed = 0, refused = 0;
        for (var i = 0; i < ParserIterations; i++)
        {
            var text = seed;
            var mutations = random.Next(1, MaxMutationsPerCase + 1);
            try
            {
                // Inside the try: a flipped byte that mixes encodings is refused by the decoder, with a WccException.
                for (var m = 0; m < mutations; m++) text = MutateNotice(text, random);
                var notice = NoticeParser.Parse(text, "fuzz.txt");
                Assert.True(notice.Tasks.Count > 0, $"seed {ParserSeed} iteration {i}: a parsed notice without tasks");
                parsed++;
            }
            catch (WccException)
            {
                refused++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {ParserSeed} iteration {i}: {ex.GetType().Name}: {ex.Message}");
            }
        }
        output.WriteLine($"notice parser: {ParserIterations} mutated notices, {parsed} parsed, {refused} refused with WccException, 0 crashes");
    }

    [Fact]
    public void ObservationLoad_RandomMutationsOfAValidCsv_NoRowLost()
    {
        using var tmp = new TempDirectory();
        using var warehouse = new ObservationTestWarehouse();
        var valid = ValidCsv();
        var random = new Random(LoaderSeed);
        long rowsIn = 0, loaded = 0, rejected = 0;
        int refused = 0;
        for (var i = 0; i < LoaderIterations; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(valid);
            var mutations = random.Next(1, MaxMutationsPerCase + 1);
            for (var m = 0; m < mutations; m++) bytes = MutateCsv(bytes, random);
            var path = tmp.File($"fuzz{i}.csv");
            File.WriteAllBytes(path, bytes);
            var factsBefore = warehouse.Count("SELECT count(*) FROM fact_observation");
            try
            {
                var result = warehouse.Load(forceDotNet: i % 2 == 1, path);
                var f = result.Files.Single().Outcome;
                var where = $"seed {LoaderSeed} iteration {i}";
                Assert.True(f.In == f.Loaded + f.Rejected, $"{where}: read {f.In} <> loaded {f.Loaded} + rejected {f.Rejected}");
                var added = warehouse.Count("SELECT count(*) FROM fact_observation") - factsBefore;
                Assert.True(added == f.Loaded - f.Unchanged, $"{where}: {added} fact rows added, expected {f.Loaded - f.Unchanged} new versions");
                var rejects = warehouse.Count($"SELECT count(*) FROM etl_reject WHERE severity = 'error' AND load_id = {result.Files.Single().LoadId}");
                Assert.True(rejects == f.Rejected, $"{where}: {rejects} etl_reject rows for {f.Rejected} rejected");
                (rowsIn, loaded, rejected) = (rowsIn + f.In, loaded + f.Loaded, rejected + f.Rejected);
            }
            catch (WccException)
            {
                refused++;
                Assert.Equal(factsBefore, warehouse.Count("SELECT count(*) FROM fact_observation"));
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"seed {LoaderSeed} iteration {i}: {ex.GetType().Name}: {ex.Message}");
            }
        }
        output.WriteLine($"loader: {LoaderIterations} mutated files, {refused} refused whole; rows read {rowsIn} = loaded {loaded} + rejected {rejected}; 0 lost");
    }

    private static string ValidCsv()
    {
        var text = new StringBuilder("indicator_code,area_code,year,sex,value,source\n");
        foreach (var year in Enumerable.Range(2010, 6))
        {
            foreach (var area in new[] { "610100", "610102", "610103" })
            {
                text.Append($"W01,{area},{year},T,{40 + year % 10}.5,统计年鉴\n");
                foreach (var sex in new[] { "F", "M" }) text.Append($"C05,{area},{year},{sex},{5 + year % 3},卫健委\n");
            }
        }
        return text.ToString();
    }

    private static string MutateNotice(string text, Random random)
    {
        if (text.Length == 0) return text;
        var at = random.Next(text.Length);
        switch (random.Next(6))
        {
            case 0: // flip one character
                return text[..at] + (char)random.Next(0x20, 0x9FFF) + text[(at + 1)..];
            case 1: // delete a run
                return text.Remove(at, Math.Min(random.Next(1, 200), text.Length - at));
            case 2: // duplicate a line
                var lines = text.Split('\n').ToList();
                var l = random.Next(lines.Count);
                lines.Insert(l, lines[l]);
                return string.Join('\n', lines);
            case 3: // remove every bracket of one kind
                var bracket = "（）()"[random.Next(4)];
                return text.Replace(bracket.ToString(), "", StringComparison.Ordinal);
            case 4: // insert Chinese punctuation
                return text.Insert(at, ChinesePunctuation[random.Next(ChinesePunctuation.Length)].ToString());
            default: // flip a UTF-8 byte (may break the encoding)
                var bytes = Encoding.UTF8.GetBytes(text);
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return NoticeFile.Decode(bytes);
        }
    }

    private static byte[] MutateCsv(byte[] bytes, Random random)
    {
        if (bytes.Length == 0) return bytes;
        var list = bytes.ToList();
        var at = random.Next(list.Count);
        switch (random.Next(5))
        {
            case 0: // flip a bit
                list[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1: // delete a run
                list.RemoveRange(at, Math.Min(random.Next(1, 40), list.Count - at));
                break;
            case 2: // duplicate a line
                var text = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
                var l = random.Next(text.Count);
                text.Insert(l, text[l]);
                return Encoding.UTF8.GetBytes(string.Join('\n', text));
            case 3: // insert CSV noise
                list.InsertRange(at, Encoding.UTF8.GetBytes(CsvNoise[random.Next(CsvNoise.Length)].ToString()));
                break;
            default: // truncate
                list.RemoveRange(at, list.Count - at);
                break;
        }
        return [.. list];
    }
}
