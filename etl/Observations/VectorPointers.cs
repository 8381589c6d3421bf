using System.Reflection;
using DuckDB.NET.Data.DataChunk.Reader;
using DuckDB.NET.Data.DataChunk.Writer;

namespace Wcc.Etl.Observations;

/// <summary>The one way the load reads and writes the vectors DuckDB.NET hands to a scalar function: in place through their
/// data pointers when this DuckDB.NET allows it, else value by value through the public accessors (slower, same result).</summary>
/// <remarks>
/// DuckDB.NET 1.5 reads a vector value by value through a generic accessor; on the 10 M rows of a load that per-value call
/// cost a measurable share of the whole load. The library keeps the vector's data pointer internal, so it is read here by
/// reflection, once per chunk. Should a later DuckDB.NET rename those members, <see cref="InPlace"/> is false and
/// <see cref="FallbackReason"/> says why; the load then prints a warning and records <c>vector_read=fallback</c> in its
/// etl_run message (see <see cref="ObservationLoad"/>), so the slowdown is never silent. Only flat, non-null fixed-size
/// vectors may be read this way, which is what DuckDB passes to a C API scalar function whose SQL coalesces every argument.
/// </remarks>
public sealed unsafe class VectorPointers
{
    /// <summary>The internal members read by reflection (DuckDB.NET 1.5).</summary>
    public const string ReaderTypeName = "DuckDB.NET.Data.DataChunk.Reader.VectorDataReaderBase";
    public const string ReaderMemberName = "DataPointer";
    public const string WriterTypeName = "DuckDB.NET.Data.DataChunk.Writer.VectorDataWriterBase";
    public const string WriterMemberName = "<vectorData>P";

    /// <summary>The value of <see cref="ObservationFileResult.VectorRead"/> and of <c>vector_read=</c> in etl_run when vectors are read in place.</summary>
    public const string InPlaceMode = "in_place";

    /// <summary>...and when they are read value by value.</summary>
    public const string FallbackMode = "fallback";

    private readonly PropertyInfo? readerData;
    private readonly FieldInfo? writerData;

    private VectorPointers(PropertyInfo? readerData, FieldInfo? writerData, string? refusal, string readerMember = "", string writerMember = "")
    {
        this.readerData = readerData;
        this.writerData = writerData;
        FallbackReason = refusal ?? (readerData?.PropertyType != typeof(void*)
            ? $"{ReaderTypeName}.{readerMember} not found as a void* property"
            : writerData?.FieldType != typeof(void*) ? $"{WriterTypeName}.{writerMember} not found as a void* field" : null);
    }

    /// <summary>The adapter for the installed DuckDB.NET (resolved once).</summary>
    public static VectorPointers Default { get; } = Resolve(ReaderMemberName, WriterMemberName);

    /// <summary>An adapter that reads value by value, as when DuckDB.NET's members are gone (tests and comparisons).</summary>
    public static VectorPointers ValueByValue { get; } = new(null, null, "value-by-value reads requested");

    /// <summary>Resolves the adapter from the named internal members (tests pass a name that does not exist to see the fallback).</summary>
    public static VectorPointers Resolve(string readerMember, string writerMember) => new(
        typeof(IDuckDBDataReader).Assembly.GetType(ReaderTypeName)?.GetProperty(readerMember, BindingFlags.NonPublic | BindingFlags.Instance),
        typeof(IDuckDBDataWriter).Assembly.GetType(WriterTypeName)?.GetField(writerMember, BindingFlags.NonPublic | BindingFlags.Instance),
        null, readerMember, writerMember);

    /// <summary>Why vectors are read value by value, or null when they are read in place.</summary>
    public string? FallbackReason { get; }

    /// <summary>Vectors are read in place through their data pointers.</summary>
    public bool InPlace => FallbackReason is null;

    /// <summary><see cref="InPlaceMode"/> or <see cref="FallbackMode"/>.</summary>
    public string Mode => InPlace ? InPlaceMode : FallbackMode;

    /// <summary>The warning printed when a load reads value by value.</summary>
    public string Warning => $"warning: the load reads DuckDB vectors value by value, slower than usual ({FallbackReason}; " +
                             $"DuckDB.NET {typeof(IDuckDBDataReader).Assembly.GetName().Version}): same results, see etl/Observations/VectorPointers.cs";

    /// <summary>The first <paramref name="count"/> values of an input vector: the vector itself, or a copy into <paramref name="scratch"/>.</summary>
    public ReadOnlySpan<T> Read<T>(IDuckDBDataReader reader, int count, T[] scratch) where T : unmanaged
    {
        if (InPlace) return new ReadOnlySpan<T>((T*)Pointer.Unbox(readerData!.GetValue(reader)!), count);
        for (var i = 0; i < count; i++) scratch[i] = reader.GetValue<T>((ulong)i);
        return scratch.AsSpan(0, count);
    }

    /// <summary>Writes <paramref name="values"/> to the result vector.</summary>
    public void Write<T>(IDuckDBDataWriter writer, ReadOnlySpan<T> values) where T : unmanaged
    {
        if (InPlace)
        {
            values.CopyTo(new Span<T>((T*)Pointer.Unbox(writerData!.GetValue(writer)!), values.Length));
            return;
        }
        for (var i = 0; i < values.Length; i++) writer.WriteValue(values[i], (ulong)i);
    }
}
