using System.Text.RegularExpressions;

namespace ResilienceGen.PackageTests;

/// <summary>`dotnet pack` at the repository root packs the solution: only the runtime may come out of it.</summary>
public sealed partial class PackabilityTests
{
    [Fact]
    public async Task Only_the_runtime_project_of_the_solution_is_packable()
    {
        var projects = SolutionProjects();
        Assert.Contains(Path.Combine("src", "ResilienceGen", "ResilienceGen.csproj"), projects);

        var packable = new List<string>();
        foreach (var project in projects)
        {
            var query = await DotNetCli.RunAsync(RepositoryRoot.Path, TimeSpan.FromMinutes(2), "msbuild", project, "-getProperty:IsPackable");
            // Asked for one property, MSBuild prints its bare value.
            Assert.True(query.Succeeded, query.ToString());
            if (string.Equals(query.Output.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                packable.Add(project);
            }
        }

        Assert.Equal([Path.Combine("src", "ResilienceGen", "ResilienceGen.csproj")], packable);
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
