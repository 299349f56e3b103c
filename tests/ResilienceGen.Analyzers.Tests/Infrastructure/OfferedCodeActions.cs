using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace ResilienceGen.Analyzers.Tests.Infrastructure;

/// <summary>How many fixes a provider offers for a diagnostic: the test library applies one, and does not count them.</summary>
public static class OfferedCodeActions
{
    /// <summary>The code actions for the only <paramref name="id"/> in <paramref name="markedSource"/> (markup is removed first).</summary>
    public static async Task<IReadOnlyList<CodeAction>> ForAsync(CodeFixProvider provider, string markedSource, string id)
    {
        TestFileMarkupParser.GetSpans(markedSource, out string source, out ImmutableDictionary<string, ImmutableArray<TextSpan>> _);
        using var workspace = new AdhocWorkspace();
        var build = await ProjectBuild.RunAsync(workspace, source);
        return await build.ActionsAsync(provider, build.Diagnostics.Single(d => d.Id == id));
    }
}
