namespace ResilienceGen.PackageTests;

/// <summary>Finds the repository this test assembly was built from.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ResilienceGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ResilienceGen.sln above {AppContext.BaseDirectory}.");
    }
}
