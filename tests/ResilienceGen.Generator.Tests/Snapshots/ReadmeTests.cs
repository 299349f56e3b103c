using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests.Snapshots;

/// <summary>
/// The README's example, read from README.md itself, generates the snapshot below; every document that shows that
/// generated file (the README's "Generated code" section, the generated-code contract) must show exactly that
/// snapshot, so the documentation cannot drift from what the generator writes.
/// </summary>
public sealed class ReadmeTests
{
    private const string ExampleMarker = "<!-- section: example (issue 5) -->";
    private const string GeneratedCodeMarker = "<!-- section: generated code (issue 3) -->";
    private const string ContractMarker = "<!-- section: generated code (checked against the README example's snapshot) -->";

    // What an SDK project's implicit usings give the example, plus System.Net.Http.Json for GetFromJsonAsync and the Stock type it returns.
    private const string ProjectContext = """
        global using System;
        global using System.Collections.Generic;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;

        public sealed record Stock(string Sku, int Quantity);
        """;

    private static string Readme => File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Replace("\r\n", "\n");

    [Fact]
    public void ReadmeExample()
    {
        string example = FirstCSharpBlockAfter(Readme, ExampleMarker);

        GeneratorRun run = GeneratorRun.Of(ProjectContext, example).AssertCleanBuild();

        Snapshot.VerifyGenerated(run);
    }

    [Theory]
    [InlineData("README.md", GeneratedCodeMarker)]
    [InlineData("docs/design/generated-code-contract.md", ContractMarker)]
    public void DocumentShowsTheRealGeneratedFile(string document, string marker)
    {
        string verified = Directory.GetFiles(Path.Combine(RepoPaths.TestProject, "Snapshots"), "ReadmeTests.ReadmeExample#*.verified.cs").Single();
        string text = File.ReadAllText(Path.Combine(RepoPaths.Root, document)).Replace("\r\n", "\n");
        string shown = FirstCSharpBlockAfter(text, marker);

        Assert.Equal(File.ReadAllText(verified).Replace("\r\n", "\n").TrimEnd(), shown.TrimEnd());
    }

    private static string FirstCSharpBlockAfter(string readme, string marker)
    {
        int section = readme.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(section >= 0, "the document has no " + marker);
        int start = readme.IndexOf("```csharp\n", section, StringComparison.Ordinal);
        Assert.True(start >= 0, "no csharp block after " + marker);
        start += "```csharp\n".Length;
        int end = readme.IndexOf("\n```", start, StringComparison.Ordinal);
        return readme[start..end] + "\n";
    }
}
