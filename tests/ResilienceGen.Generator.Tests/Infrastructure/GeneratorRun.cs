using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ResilienceGen.Generator.Tests.Infrastructure;

/// <summary>One run of the generator over in-memory sources: what it wrote and the compilation that includes it.</summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(GeneratorDriver driver, GeneratorDriverRunResult result, Compilation input, Compilation output, ImmutableArray<Diagnostic> driverDiagnostics)
    {
        Driver = driver;
        Result = result;
        Input = input;
        Output = output;
        DriverDiagnostics = driverDiagnostics;
    }

    public GeneratorDriver Driver { get; }

    public GeneratorDriverRunResult Result { get; }

    public Compilation Input { get; }

    public Compilation Output { get; }

    /// <summary>Diagnostics of the driver itself, e.g. CS8785 when a generator throws.</summary>
    public ImmutableArray<Diagnostic> DriverDiagnostics { get; }

    public ImmutableArray<GeneratedSourceResult> GeneratedSources => Result.Results.Single().GeneratedSources;

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest) => new(version);

    public static CSharpCompilation Compile(
        IEnumerable<string> sources,
        CSharpParseOptions? parseOptions = null,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        IEnumerable<MetadataReference>? references = null)
    {
        parseOptions ??= ParseOptions();
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"Source{i}.cs"));
        return CSharpCompilation.Create(
            "Consumer",
            trees,
            references ?? References.Net80,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable, allowUnsafe: true));
    }

    public static GeneratorDriver CreateDriver(CSharpParseOptions? parseOptions = null)
        => CSharpGeneratorDriver.Create(
            new[] { new ResilienceGenerator().AsSourceGenerator() },
            parseOptions: parseOptions ?? ParseOptions(),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Of(params string[] sources) => Of(Compile(sources));

    public static GeneratorRun Of(Compilation compilation, CSharpParseOptions? parseOptions = null)
        => RunOn(CreateDriver(parseOptions ?? (CSharpParseOptions)compilation.SyntaxTrees.First().Options), compilation);

    /// <summary>
    /// Runs <paramref name="driver"/> on <paramref name="compilation"/>, then once more on a clone of it, asserting that
    /// second run was fully cached (<see cref="SecondRunCheck"/>). The result is the first run's; the driver is the one
    /// after both, ready for an edited compilation.
    /// </summary>
    public static GeneratorRun RunOn(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorDriverRunResult result = driver.GetRunResult();
        driver = SecondRunCheck.AssertCachedOnSecondRun(driver, compilation);
        return new GeneratorRun(driver, result, compilation, output, diagnostics);
    }

    /// <summary>The generated text for the only file, failing when there is not exactly one.</summary>
    public string SingleFile()
    {
        Assert.Single(GeneratedSources);
        return GeneratedSources[0].SourceText.ToString();
    }

    /// <summary>Every diagnostic of warning severity or above in the whole output compilation (TreatWarningsAsErrors would fail on any).</summary>
    public ImmutableArray<Diagnostic> WarningsAndErrors()
        => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    /// <summary>Asserts the generator did not fail and the result compiles with no warning at all.</summary>
    public GeneratorRun AssertCleanBuild()
    {
        AssertGeneratorDidNotFail();
        ImmutableArray<Diagnostic> problems = WarningsAndErrors();
        Assert.True(problems.IsEmpty, "Expected a clean build, got:\n" + Describe(problems));
        return this;
    }

    public void AssertGeneratorDidNotFail()
    {
        Assert.Null(Result.Results.Single().Exception);
        Assert.DoesNotContain(DriverDiagnostics, d => d.Id == "CS8785");
    }

    public string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var text = new System.Text.StringBuilder();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            text.AppendLine(diagnostic.ToString());
        }

        foreach (GeneratedSourceResult source in GeneratedSources)
        {
            text.AppendLine("---- " + source.HintName).AppendLine(source.SourceText.ToString());
        }

        return text.ToString();
    }
}
