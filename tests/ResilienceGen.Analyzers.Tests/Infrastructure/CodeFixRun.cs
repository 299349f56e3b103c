using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace ResilienceGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Applies a code fix the way the IDE does: an AdhocWorkspace project holding the sources, the analyzer's diagnostic
/// (found after the generator ran), the provider's first code action, and its post-processed changed solution.
/// </summary>
public static class CodeFixRun
{
    public sealed record Outcome(IReadOnlyList<string> Sources, ImmutableArray<Diagnostic> DiagnosticsAfter, string ActionTitle)
    {
        public IEnumerable<Diagnostic> ErrorsAfter => DiagnosticsAfter.Where(d => d.Severity == DiagnosticSeverity.Error);
    }

    /// <summary>Fixes the first <paramref name="id"/> diagnostic and rebuilds (generator, compiler, analyzer).</summary>
    public static async Task<Outcome> ApplyAsync(CodeFixProvider provider, string id, params string[] sources)
    {
        using var workspace = new AdhocWorkspace();
        var project = CreateProject(workspace, sources);
        var diagnostic = (await DiagnosticsAsync(project)).FirstOrDefault(d => d.Id == id)
            ?? throw new InvalidOperationException($"No {id} to fix in the sources.");
        var action = (await ActionsAsync(provider, project, diagnostic)).FirstOrDefault()
            ?? throw new InvalidOperationException($"{provider.GetType().Name} offered no fix for {diagnostic}.");
        var changed = await ApplyAsync(action);
        return await OutcomeAsync(changed.GetProject(project.Id)!, action.Title);
    }

    /// <summary>Fixes every <paramref name="id"/> in the project at once through the provider's fix-all provider.</summary>
    public static async Task<Outcome> FixAllAsync(CodeFixProvider provider, string id, params string[] sources)
    {
        using var workspace = new AdhocWorkspace();
        var project = CreateProject(workspace, sources);
        var diagnostics = (await DiagnosticsAsync(project)).Where(d => d.Id == id).ToImmutableArray();
        var first = diagnostics.FirstOrDefault() ?? throw new InvalidOperationException($"No {id} to fix in the sources.");
        var action = (await ActionsAsync(provider, project, first)).First();
        var fixAll = provider.GetFixAllProvider() ?? throw new InvalidOperationException("No fix-all provider.");
        var context = new FixAllContext(
            project.GetDocument(first.Location.SourceTree)!, provider, FixAllScope.Project, action.EquivalenceKey,
            new[] { id }, new FixedDiagnostics(diagnostics), CancellationToken.None);
        var fixAllAction = await fixAll.GetFixAsync(context) ?? throw new InvalidOperationException("Fix-all produced no action.");
        var changed = await ApplyAsync(fixAllAction);
        return await OutcomeAsync(changed.GetProject(project.Id)!, fixAllAction.Title);
    }

    /// <summary>Every code action the provider registers for one diagnostic (used by the mutation test).</summary>
    public static async Task<IReadOnlyList<CodeAction>> ActionsAsync(CodeFixProvider provider, Project project, Diagnostic diagnostic)
    {
        var document = project.GetDocument(diagnostic.Location.SourceTree)
            ?? throw new InvalidOperationException("The diagnostic is not in a document of the project: " + diagnostic);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    public static async Task<Solution> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    public static Project CreateProject(AdhocWorkspace workspace, IReadOnlyList<string> sources)
    {
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Create(), "UserProject", "UserProject", LanguageNames.CSharp,
            compilationOptions: TestCompilation.Options, parseOptions: TestCompilation.ParseOptions,
            metadataReferences: TestCompilation.References));
        for (var i = 0; i < sources.Count; i++)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), "Source" + i + ".cs", SourceText.From(sources[i]), filePath: "Source" + i + ".cs");
        }

        return solution.GetProject(projectId)!;
    }

    /// <summary>The analyzer's diagnostics for the project, after the generator ran (the original trees stay the project's).</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project)
    {
        var compilation = await project.GetCompilationAsync() ?? throw new InvalidOperationException("No compilation.");
        return AnalyzerRun.Run(compilation, includeCompilerDiagnostics: false).Diagnostics;
    }

    private static async Task<Outcome> OutcomeAsync(Project project, string title)
    {
        var compilation = await project.GetCompilationAsync() ?? throw new InvalidOperationException("No compilation.");
        var texts = new List<string>();
        foreach (var document in project.Documents)
        {
            texts.Add((await document.GetTextAsync()).ToString());
        }

        return new Outcome(texts, AnalyzerRun.Run(compilation, includeCompilerDiagnostics: true).Diagnostics, title);
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
