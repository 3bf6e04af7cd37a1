namespace Commissioning.Infrastructure.Exports;

/// <summary>
/// Lets a synchronous writer (StreamWriter, XmlWriter, ZipArchive) feed an asynchronous stream
/// such as an HTTP response, which refuses synchronous writes: their bytes gather here, and the
/// export hands each chunk on with <see cref="PassOnAsync"/> between rows once it reaches
/// <see cref="ChunkSize"/>. So at most about one chunk is held, however long the file.
/// Write-only and not seekable, as a response is: ZipArchive then writes each entry straight
/// through instead of going back to patch its header.
/// </summary>
internal sealed class ChunkedOutput(Stream output) : Stream
{
    public const int ChunkSize = 32 * 1024;

    private readonly MemoryStream _chunk = new(ChunkSize * 2);
    private long _written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _chunk.Write(buffer);
        _written += buffer.Length;
    }

    // Gathering is never slow: the asynchronous writes complete at once (no thread hop).
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void WriteByte(byte value)
    {
        _chunk.WriteByte(value);
        _written++;
    }

    /// <summary>Hands the gathered bytes on once there is a chunk's worth (or always, at the end).</summary>
    public async ValueTask PassOnAsync(CancellationToken ct, bool all = false)
    {
        if (_chunk.Length == 0 || (!all && _chunk.Length < ChunkSize)) return;
        await output.WriteAsync(_chunk.GetBuffer().AsMemory(0, (int)_chunk.Length), ct);
        _chunk.SetLength(0);
        if (all) await output.FlushAsync(ct);
    }

    // The writers flush when they finish; the bytes still wait here for PassOnAsync.
    public override void Flush() { }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
