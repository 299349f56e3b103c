using ResilienceGen.Analyzers.Tests.Infrastructure;
using ResilienceGen.CodeFixes;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.CodeFixes;

public class AddCancellationTokenCodeFixTests
{
    [Fact]
    public async Task Adds_the_token_to_the_declaration_and_the_core_method()
    {
        var outcome = await CodeFixRun.ApplyAsync(new AddCancellationTokenCodeFix(), "RG0011", InClient("""
            [WithRetry]
            public partial Task<int> GetAsync(string sku);
            private Task<int> GetCoreAsync(string sku) => Task.FromResult(sku.Length);
            """));
        CodeFixAssert.Fixed(outcome, "RG0011");
        CodeFixAssert.Contains(outcome, "public partial Task<int> GetAsync(string sku, CancellationToken cancellationToken = default);");
        CodeFixAssert.Contains(outcome, "private Task<int> GetCoreAsync(string sku, CancellationToken cancellationToken = default)");
    }

    [Fact]
    public async Task Goes_before_params_qualifies_the_type_without_a_using_and_avoids_taken_names()
    {
        var outcome = await CodeFixRun.ApplyAsync(new AddCancellationTokenCodeFix(), "RG0011", """
            namespace Demo
            {
                public partial class Client
                {
                    [ResilienceGen.WithRetry]
                    public partial System.Threading.Tasks.Task SendAsync(int cancellationToken, params string[] values);
                    private System.Threading.Tasks.Task SendCoreAsync(int cancellationToken, params string[] values) => System.Threading.Tasks.Task.CompletedTask;
                }
            }
            """);
        CodeFixAssert.Fixed(outcome, "RG0011");
        CodeFixAssert.Contains(outcome, "SendAsync(int cancellationToken, System.Threading.CancellationToken cancellationToken2 = default, params string[] values);");
        CodeFixAssert.Contains(outcome, "SendCoreAsync(int cancellationToken, System.Threading.CancellationToken cancellationToken2 = default, params string[] values)");
    }

    [Fact]
    public async Task Adds_it_to_the_declaration_alone_when_there_is_no_core_method_yet()
    {
        using var workspace = new Microsoft.CodeAnalysis.AdhocWorkspace();
        var project = CodeFixRun.CreateProject(workspace, new[] { InClient("""
            [WithRetry]
            public partial Task GetAsync();
            """) });
        var diagnostic = (await CodeFixRun.DiagnosticsAsync(project)).Single(d => d.Id == "RG0011");
        var action = Assert.Single(await CodeFixRun.ActionsAsync(new AddCancellationTokenCodeFix(), project, diagnostic));
        var changed = await CodeFixRun.ApplyAsync(action);
        var text = (await changed.GetProject(project.Id)!.Documents.Single().GetTextAsync()).ToString();
        Assert.Contains("public partial Task GetAsync(CancellationToken cancellationToken = default);", text, StringComparison.Ordinal);
    }
}
