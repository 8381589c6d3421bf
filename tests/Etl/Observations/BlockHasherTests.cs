using System.Security.Cryptography;
using Wcc.Etl.Observations;

namespace Wcc.Tests.Etl.Observations;

public class BlockHasherTests
{
    [Fact]
    public async Task Sha256_BlocksOfUnevenSizes_EqualsTheWholeFilesHash()
    {
        // More than the bounded queue holds (16 blocks), so the writer also waits for the hash.
        var data = new byte[9 << 20];
        new Random(17).NextBytes(data);
        var hasher = new BlockHasher();
        var at = 0;
        for (var size = 1; at < data.Length; size = size * 3 % 700_001 + 1)
        {
            var n = Math.Min(size, data.Length - at);
            hasher.Add(data.AsSpan(at, n));
            at += n;
        }
        hasher.Complete();

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), await hasher.Sha256);
    }

    [Fact]
    public async Task Sha256_NoBlock_IsTheEmptyHash()
    {
        var hasher = new BlockHasher();
        hasher.Complete();

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(ReadOnlySpan<byte>.Empty)), await hasher.Sha256);
    }
}
