using System.Text.RegularExpressions;

namespace ResilienceGen.PackageTests;

/// <summary>
/// `dotnet pack` at the repository root packs the solution: only the shipped packages may come out of it, the runtime
/// (with the generator and analyzers inside), its configuration binding (issue 8), its hosting package (issue 18) and the fleet (issue 19) -
/// never a test, sample, benchmark or Roslyn project on its own.
/// </summary>
public sealed partial class PackabilityTests
{
    [Fact]
    public async Task Only_the_shipped_packages_of_the_solution_are_packable()
    {
        var projects = SolutionProjects();
        Assert.Contains(Path.Combine("src", "ResilienceGen", "ResilienceGen.csproj"), projects);

        var packable = new List<string>();
        foreach (var project in projects)
        {
            // Asked for one property, MSBuild prints its bare value.
            var query = await DotNetCli.RunAsync(RepositoryRoot.Path, TimeSpan.FromMinutes(2), "msbuild", project, "-getProperty:IsPackable");
            Assert.True(query.Succeeded, query.ToString());
            if (string.Equals(query.Output.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                packable.Add(project);
            }
        }

        string[] shipped =
        [
            Path.Combine("src", "ResilienceGen", "ResilienceGen.csproj"),
            Path.Combine("src", "ResilienceGen.Configuration", "ResilienceGen.Configuration.csproj"),
            Path.Combine("src", "ResilienceGen.Hosting", "ResilienceGen.Hosting.csproj"),
            Path.Combine("src", "ResilienceGen.Redis", "ResilienceGen.Redis.csproj"),
        ];
        Assert.Equal(shipped.Order(), packable.Order());
    }

    private static List<string> SolutionProjects()
    {
        var solution = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "ResilienceGen.sln"));
        return ProjectLine().Matches(solution)
            .Select(match => match.Groups["path"].Value.Replace('\\', Path.DirectorySeparatorChar))
            .ToList();
    }

    [GeneratedRegex("""^Project\("[^"]+"\) = "[^"]+", "(?<path>[^"]+\.csproj)", """, RegexOptions.Multiline)]
    private static partial Regex ProjectLine();
}
