namespace Commissioning.Infrastructure.Import;

/// <summary>Reads an uploaded .csv or .xlsx into an <see cref="ImportTable"/>, or refuses it with one clear message.</summary>
public static class ImportFileReader
{
    // Owner: the "reading" part. Stub until it lands.
    public static ImportReadResult Read(Stream content, string fileName, ImportReadOptions options, ImportLimits limits) =>
        throw new NotImplementedException("ImportFileReader.Read is being written.");
}
