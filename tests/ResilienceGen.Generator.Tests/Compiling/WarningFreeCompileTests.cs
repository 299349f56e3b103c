using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests.Compiling;

/// <summary>
/// The generated code compiles with no diagnostic of warning severity or above (what TreatWarningsAsErrors needs)
/// for nullable enabled and disabled, every language version from 9 to latest, and against netstandard2.0.
/// </summary>
public sealed class WarningFreeCompileTests
{
    public static TheoryData<LanguageVersion, NullableContextOptions> Matrix()
    {
        var data = new TheoryData<LanguageVersion, NullableContextOptions>();
        foreach (LanguageVersion version in new[] { LanguageVersion.CSharp9, LanguageVersion.CSharp10, LanguageVersion.CSharp11, LanguageVersion.CSharp12, LanguageVersion.Latest })
        {
            data.Add(version, NullableContextOptions.Enable);
            data.Add(version, NullableContextOptions.Disable);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void KitchenSinkCompilesCleanly(LanguageVersion version, NullableContextOptions nullable)
    {
        var compilation = GeneratorRun.Compile(
            new[] { KitchenSink.Source(nullable == NullableContextOptions.Enable) },
            GeneratorRun.ParseOptions(version),
            nullable);

        GeneratorRun run = GeneratorRun.Of(compilation).AssertCleanBuild();

        // Every type with attributed methods got its file; a silent skip would also "compile cleanly".
        Assert.Equal(7, run.GeneratedSources.Length);
        AssertNoStubs(run);
    }

    [Theory]
    [InlineData(NullableContextOptions.Enable)]
    [InlineData(NullableContextOptions.Disable)]
    public void KitchenSinkCompilesCleanlyAgainstNetStandard20(NullableContextOptions nullable)
    {
        var compilation = GeneratorRun.Compile(
            new[] { KitchenSink.Source(nullable == NullableContextOptions.Enable), KitchenSink.IsExternalInitPolyfill },
            GeneratorRun.ParseOptions(LanguageVersion.CSharp9),
            nullable,
            References.NetStandard20);

        GeneratorRun run = GeneratorRun.Of(compilation).AssertCleanBuild();
        Assert.Equal(7, run.GeneratedSources.Length);
        AssertNoStubs(run);
        Assert.Contains(compilation.References, r => r.Display?.EndsWith(Path.Combine("netstandard2.0", "ResilienceGen.dll"), StringComparison.Ordinal) == true);
    }

    /// <summary>A throwing stub builds cleanly too; the kitchen sink is valid, so every method (hooks included) must be real.</summary>
    private static void AssertNoStubs(GeneratorRun run)
    {
        Assert.All(run.GeneratedSources, s => Assert.DoesNotContain("fix the declaration", s.SourceText.ToString(), StringComparison.Ordinal));
        Assert.Contains(run.GeneratedSources, s => s.SourceText.ToString().Contains("fallback: static", StringComparison.Ordinal));
    }
}
