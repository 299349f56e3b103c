using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests;

/// <summary>
/// Below C# 9 (a netstandard2.0 project's default is 7.3) extended partial methods do not exist: the generator
/// emits nothing, so the only errors are the compiler's own, on the user's declaration (issue 13).
/// </summary>
public sealed class LanguageVersionTests
{
    // Written in C# 7.3 so that the partial method is the only newer feature in it.
    private const string Client = """
        using System.Threading;
        using System.Threading.Tasks;
        using ResilienceGen;

        namespace Shop
        {
            public partial class InventoryClient
            {
                [WithRetry(MaxRetries = 2, BaseDelayMs = 10)]
                public partial Task<int> GetStockAsync(string sku, CancellationToken cancellationToken);

                private Task<int> GetStockCoreAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(sku.Length);
            }
        }
        """;

    // "Feature not available in C# 7.3" is CS8370; in C# 8 the same message has its own id, CS8400.
    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, "CS8370")]
    [InlineData(LanguageVersion.CSharp8, "CS8400")]
    public void Below_CSharp9_nothing_is_generated_and_only_the_compilers_errors_on_the_declaration_remain(LanguageVersion version, string featureNotAvailable)
    {
        GeneratorRun run = Run(version);

        run.AssertGeneratorDidNotFail();
        Assert.Empty(run.GeneratedSources);
        var errors = run.WarningsAndErrors();
        Assert.Equal([featureNotAvailable, "CS8795"], errors.Select(d => d.Id).Distinct().Order());
        Assert.All(errors, d => Assert.Equal("Source0.cs", d.Location.SourceTree?.FilePath));
        Assert.All(errors, d => Assert.Contains("public partial Task<int> GetStockAsync(", LineOf(d)));
    }

    [Fact]
    public void At_CSharp9_the_same_declaration_is_generated_and_builds_clean_Control()
    {
        GeneratorRun run = Run(LanguageVersion.CSharp9);

        Assert.Single(run.GeneratedSources);
        run.AssertCleanBuild();
    }

    private static GeneratorRun Run(LanguageVersion version)
    {
        CSharpParseOptions options = GeneratorRun.ParseOptions(version);
        return GeneratorRun.Of(GeneratorRun.Compile([Client], options, NullableContextOptions.Disable), options);
    }

    private static string LineOf(Diagnostic diagnostic)
    {
        var text = diagnostic.Location.SourceTree!.GetText();
        return text.Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString();
    }
}
