using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ResilienceGen.Benchmarks.Generators;

/// <summary>
/// One generator, loaded from its assembly, and one corpus, compiled in memory: runs the generator the way the
/// compiler does (a <see cref="CSharpGeneratorDriver"/>), cold and after an unrelated edit.
/// Parsing and metadata loading happen once, up front: they are the compiler's cost, not the generator's.
/// Each timed run gets a <see cref="Compilation.Clone"/>: same trees and references, but no symbols or
/// semantic models left over from the last run, as a new build would have.
/// </summary>
internal sealed class GeneratorHarness
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private readonly ImmutableArray<ISourceGenerator> _generators;
    private readonly CSharpCompilation _compilation;
    private readonly CSharpCompilation _editedCompilation;
    private readonly GeneratorDriver _driverAfterFirstRun;

    public GeneratorHarness(string generatorAssemblyPath, IEnumerable<(string FileName, string Text)> files)
        : this(LoadGenerators(generatorAssemblyPath), files)
    {
    }

    public GeneratorHarness(ImmutableArray<ISourceGenerator> generators, IEnumerable<(string FileName, string Text)> files)
    {
        _generators = generators;

        SyntaxTree unrelated = Parse(GeneratorCorpus.UnrelatedFileName, GeneratorCorpus.UnrelatedFile(1));
        _compilation = CSharpCompilation.Create(
            "GeneratorBenchmarkCorpus",
            files.Select(file => Parse(file.FileName, file.Text)).Append(unrelated),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _editedCompilation = _compilation.ReplaceSyntaxTree(
            unrelated,
            Parse(GeneratorCorpus.UnrelatedFileName, GeneratorCorpus.UnrelatedFile(2)));

        _driverAfterFirstRun = FirstRun();
    }

    /// <summary>The corpus as compiled in setup (the IDE case edits one of its trees).</summary>
    public CSharpCompilation Compilation => _compilation;

    /// <summary>Names of the generators under test, for messages.</summary>
    public string GeneratorNames => string.Join(", ", _generators.Select(g => g.GetGeneratorType().Name));

    /// <summary>A fresh driver over a fresh compilation: what a clean build pays.</summary>
    public GeneratorDriver FirstRun() => NewDriver().RunGenerators(_compilation.Clone());

    /// <summary>The driver that has already seen the corpus, run again after one unrelated file changed.</summary>
    public GeneratorDriver RunAfterUnrelatedEdit() => _driverAfterFirstRun.RunGenerators(_editedCompilation.Clone());

    /// <summary>
    /// Proves the timed work is the real work: the generator ran without failing, wrote sources, and the corpus
    /// plus what it wrote compiles without one error (a method left without its implementation would be one).
    /// </summary>
    public void EnsureOutputCompiles()
    {
        EnsureRanCleanly();
        NewDriver().RunGeneratorsAndUpdateCompilation(_compilation.Clone(), out Compilation output, out _);
        Diagnostic[] errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException(
                $"{GeneratorNames}: the corpus does not compile with the generated code ({errors.Length} errors), first: {errors[0]}");
        }
    }

    /// <summary>
    /// The weaker check, for a generator that is not meant to complete the corpus (the floor): it ran without
    /// failing or reporting an error, and wrote something.
    /// </summary>
    public void EnsureRanCleanly()
    {
        GeneratorDriverRunResult run = _driverAfterFirstRun.GetRunResult();
        Exception? failure = run.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
        if (failure is not null)
        {
            throw new InvalidOperationException($"{GeneratorNames} threw: {failure}");
        }

        Diagnostic? error = run.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (error is not null)
        {
            throw new InvalidOperationException($"{GeneratorNames} reported an error: {error}");
        }

        if (run.GeneratedTrees.IsEmpty)
        {
            throw new InvalidOperationException($"{GeneratorNames} generated nothing.");
        }
    }

    /// <summary>
    /// A cold run and the run after the edit, with every incremental step's time and reason recorded
    /// (slower than the timed runs; for finding where the time goes, not for the table).
    /// </summary>
    public (GeneratorDriver Cold, GeneratorDriver AfterEdit) RunWithStepTracking()
    {
        GeneratorDriver cold = NewDriver(trackSteps: true).RunGenerators(_compilation.Clone());
        return (cold, cold.RunGenerators(_editedCompilation.Clone()));
    }

    private static ImmutableArray<ISourceGenerator> LoadGenerators(string assemblyPath)
    {
        ImmutableArray<ISourceGenerator> generators = new AnalyzerFileReference(assemblyPath, PathAnalyzerLoader.Instance)
            .GetGenerators(LanguageNames.CSharp);
        return generators.IsEmpty
            ? throw new InvalidOperationException($"No C# generator found in {assemblyPath}.")
            : generators;
    }

    public GeneratorDriver NewDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            _generators,
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));

    public static SyntaxTree Parse(string fileName, string text) =>
        CSharpSyntaxTree.ParseText(text, ParseOptions, path: fileName);

    // .NET 8 reference assemblies and the net8.0 builds of the ResilienceGen runtime (the one this process runs)
    // and of the logging abstractions (ILogger, [LoggerMessage]).
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net80.References.All,
        MetadataReference.CreateFromFile(typeof(WithRetryAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(GeneratorPaths.LoggingAbstractionsNet80),
    ];
}
