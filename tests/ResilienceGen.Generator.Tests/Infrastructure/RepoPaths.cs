namespace ResilienceGen.Generator.Tests.Infrastructure;

/// <summary>Locates files of the repository from the test's output folder (no reliance on source paths baked at build time).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestProject => Path.Combine(Root, "tests", "ResilienceGen.Generator.Tests");

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ResilienceGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ResilienceGen.sln not found above " + AppContext.BaseDirectory);
    }
}
