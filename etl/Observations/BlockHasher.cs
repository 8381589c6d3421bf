using System.Buffers;
using System.Security.Cryptography;
using System.Threading.Channels;

namespace Wcc.Etl.Observations;

/// <summary>The SHA-256 of a file computed from the blocks another pass reads, on a worker thread, so the file is read once
/// for both (<see cref="ObservationStaging"/>'s scan).</summary>
/// <remarks>Blocks are copied into pooled buffers and queued; at most <see cref="QueuedBlocks"/> wait, so memory stays flat
/// and a slow hash holds the reader back rather than growing the queue.</remarks>
public sealed class BlockHasher
{
    private const int QueuedBlocks = 16;

    private readonly Channel<(byte[] Buffer, int Length)> blocks =
        Channel.CreateBounded<(byte[], int)>(new BoundedChannelOptions(QueuedBlocks) { SingleReader = true, SingleWriter = true });

    public BlockHasher()
    {
        Sha256 = Task.Run(async () =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await foreach (var (buffer, length) in blocks.Reader.ReadAllAsync())
            {
                hash.AppendData(buffer, 0, length);
                ArrayPool<byte>.Shared.Return(buffer);
            }
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        });
    }

    /// <summary>The hash (lower-case hex, as <see cref="Wcc.Etl.Audit.EtlRun.Sha256"/>), once <see cref="Complete"/> was called.</summary>
    public Task<string> Sha256 { get; }

    /// <summary>Queues the next bytes of the file.</summary>
    public void Add(ReadOnlySpan<byte> block)
    {
        if (block.IsEmpty) return;
        var copy = ArrayPool<byte>.Shared.Rent(block.Length);
        block.CopyTo(copy);
        var item = (copy, block.Length);
        if (!blocks.Writer.TryWrite(item)) blocks.Writer.WriteAsync(item).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>No more blocks: the hash finishes.</summary>
    public void Complete() => blocks.Writer.TryComplete();
}
