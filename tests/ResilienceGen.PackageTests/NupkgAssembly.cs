using System.IO.Compression;
using System.Reflection.PortableExecutable;

namespace ResilienceGen.PackageTests;

/// <summary>An assembly inside a nupkg, read with System.Reflection.Metadata without extracting it to disk.</summary>
internal static class NupkgAssembly
{
    /// <summary>The assembly at <paramref name="entryName"/> in the package, or a failed assertion when it is absent.</summary>
    public static PEReader Open(string nupkgPath, string entryName)
    {
        using var zip = ZipFile.OpenRead(nupkgPath);
        var entry = zip.GetEntry(entryName);
        Assert.True(entry is not null, $"{Path.GetFileName(nupkgPath)} has no {entryName}");

        // PEReader needs a seekable stream; the zip entry's is not.
        var bytes = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(bytes);
        }

        bytes.Position = 0;
        return new PEReader(bytes);
    }
}
