namespace ResilienceGen.PackageTests;

/// <summary>
/// What a library team's project needs from the packages (issue 13): a strong name, dependencies no newer than
/// the 8.0 Microsoft.Extensions packages, and a plain compiler error, not ours, when the project is below C# 9.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class LibraryTeamConsumerTests(PackedPackage package)
{
    [Fact]
    public async Task Strong_named_netstandard20_consumer_builds_with_warnings_as_errors()
    {
        var build = await package.StrongNamedConsumerBuild;

        Assert.DoesNotContain("CS8002", build.Output);
        Assert.True(build.Succeeded, $"the strong-named consumer did not build:\n{build}");
    }

    [Fact]
    public async Task Net80_consumer_pinned_to_the_80_extensions_packages_restores_and_builds_with_warnings_as_errors()
    {
        var build = await package.Net8FloorsConsumerBuild;

        Assert.DoesNotContain("NU1605", build.Output);
        Assert.True(build.Succeeded, $"the net8.0 consumer on the 8.0 packages did not build:\n{build}");
    }

    [Fact]
    public async Task CSharp73_consumer_fails_with_the_compilers_CS8370_on_its_own_declaration_and_no_error_in_a_generated_file()
    {
        var build = await package.CSharp73ConsumerBuild;

        Assert.False(build.Succeeded, $"the C# 7.3 consumer should not build:\n{build}");
        var errors = ErrorLines(build);
        Assert.Contains(errors, line => line.Contains("OldClient.cs(", StringComparison.Ordinal) && line.Contains("error CS8370", StringComparison.Ordinal));
        Assert.All(errors, line => Assert.DoesNotContain(".g.cs", line));
        Assert.All(errors, line => Assert.Contains("OldClient.cs(", line));
    }

    // MSBuild prints each error twice (as it happens and in the summary): the distinct lines are enough.
    private static List<string> ErrorLines(CommandResult build)
        => build.Output.Split('\n', StringSplitOptions.TrimEntries)
            .Where(line => line.Contains(": error ", StringComparison.Ordinal))
            .Distinct()
            .ToList();
}
