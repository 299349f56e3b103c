using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ResilienceGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// A one-document <see cref="UserProject"/> built as the IDE builds it: the generator's output compiled in, then the
/// analyzer. Only for what <see cref="ResilienceGenTest{TCodeFix}"/> cannot do: sources whose diagnostics nobody knows
/// beforehand (the mutation test collects analyzer exceptions instead of failing on the first), and every code action a
/// provider offers (the library applies one of them).
/// </summary>
public sealed class ProjectBuild
{
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> References = new(() => UserProject.AllReferencesAsync());

    private ProjectBuild(Project project, Compilation compilation, ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<Exception> analyzerExceptions)
    {
        Project = project;
        Compilation = compilation;
        Diagnostics = diagnostics;
        AnalyzerExceptions = analyzerExceptions;
    }

    public Project Project { get; }

    /// <summary>The project's compilation with the generator's output added.</summary>
    public Compilation Compilation { get; }

    /// <summary>Compiler, generator-driver and analyzer diagnostics of the build.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public IReadOnlyList<Exception> AnalyzerExceptions { get; }

    public static async Task<ProjectBuild> RunAsync(AdhocWorkspace workspace, string source)
    {
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId, VersionStamp.Create(), "UserProject", "UserProject", LanguageNames.CSharp,
                compilationOptions: UserProject.CompilationOptions, parseOptions: UserProject.ParseOptions,
                metadataReferences: await References.Value))
            .AddDocument(DocumentId.CreateNewId(projectId), "Source.cs", SourceText.From(source), filePath: "Source.cs");
        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync())!;

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ResilienceGen.Generator.ResilienceGenerator().AsSourceGenerator() }, parseOptions: UserProject.ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);

        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await generated
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ResilientMethodAnalyzer()), options)
            .GetAllDiagnosticsAsync();
        return new ProjectBuild(project, generated, diagnostics.AddRange(generatorDiagnostics), exceptions);
    }

    /// <summary>Every code action <paramref name="provider"/> registers for <paramref name="diagnostic"/>.</summary>
    public async Task<IReadOnlyList<CodeAction>> ActionsAsync(CodeFixProvider provider, Diagnostic diagnostic)
    {
        var document = Project.GetDocument(diagnostic.Location.SourceTree)
            ?? throw new InvalidOperationException("The diagnostic is not in a document of the project: " + diagnostic);
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    /// <summary>The solution <paramref name="action"/> produces.</summary>
    public static async Task<Solution> ApplyAsync(CodeAction action)
        => (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
}
