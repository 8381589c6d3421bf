using System.Reflection;
using DuckDB.NET.Data.DataChunk.Reader;
using DuckDB.NET.Data.DataChunk.Writer;

namespace Wcc.Etl.Observations;

/// <summary>Raw data pointers of the vectors DuckDB.NET hands to a scalar function, for the one function called on every row of a load.</summary>
/// <remarks>
/// DuckDB.NET 1.5 reads a vector value by value through a generic accessor; on the 10 M rows of a load that per-value call
/// cost a measurable share of the whole load. The library keeps the vector's data pointer internal, so it is read here by
/// reflection, once per chunk. Should a later DuckDB.NET rename those members, <see cref="Available"/> turns false and the
/// caller uses the public accessors: slower, never wrong. Only flat, non-null fixed-size vectors may be read this way,
/// which is what DuckDB passes to a C API scalar function.
/// </remarks>
public static unsafe class VectorPointers
{
    private static readonly PropertyInfo? ReaderData = typeof(IDuckDBDataReader).Assembly
        .GetType("DuckDB.NET.Data.DataChunk.Reader.VectorDataReaderBase")
        ?.GetProperty("DataPointer", BindingFlags.NonPublic | BindingFlags.Instance);

    private static readonly FieldInfo? WriterData = typeof(IDuckDBDataWriter).Assembly
        .GetType("DuckDB.NET.Data.DataChunk.Writer.VectorDataWriterBase")
        ?.GetField("<vectorData>P", BindingFlags.NonPublic | BindingFlags.Instance);

    /// <summary>Both pointers can be read with this version of DuckDB.NET.</summary>
    public static bool Available { get; } = ReaderData?.PropertyType == typeof(void*) && WriterData?.FieldType == typeof(void*);

    /// <summary>The data of an input vector as <typeparamref name="T"/> values.</summary>
    public static T* Data<T>(IDuckDBDataReader reader) where T : unmanaged => (T*)Pointer.Unbox(ReaderData!.GetValue(reader)!);

    /// <summary>The data of the result vector as <typeparamref name="T"/> values.</summary>
    public static T* Data<T>(IDuckDBDataWriter writer) where T : unmanaged => (T*)Pointer.Unbox(WriterData!.GetValue(writer)!);
}
