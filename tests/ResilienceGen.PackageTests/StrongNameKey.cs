using System.Security.Cryptography;

namespace ResilienceGen.PackageTests;

/// <summary>A user's own strong-name key, made fresh for a signed consumer (there is no <c>sn</c> tool on Linux).</summary>
internal static class StrongNameKey
{
    /// <summary>Writes a new 1024-bit RSA key as the CryptoAPI private key blob that the compiler reads from an .snk file.</summary>
    public static void WriteNew(string path)
    {
        using var rsa = new RSACryptoServiceProvider(1024);
        File.WriteAllBytes(path, rsa.ExportCspBlob(includePrivateParameters: true));
    }
}
