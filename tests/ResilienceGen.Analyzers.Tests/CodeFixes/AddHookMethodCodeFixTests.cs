using ResilienceGen.Analyzers.Tests.Infrastructure;
using ResilienceGen.CodeFixes;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.CodeFixes;

public class AddHookMethodCodeFixTests
{
    [Fact]
    public async Task Adds_an_OnRetry_method_that_does_nothing()
    {
        var outcome = await CodeFixRun.ApplyAsync(new AddHookMethodCodeFix(), "RG0013", InClient("""
            [WithRetry(OnRetry = "LogRetry")]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """));
        CodeFixAssert.Fixed(outcome, "RG0013");
        CodeFixAssert.Contains(outcome, "private void LogRetry(int attempt, System.TimeSpan delay, System.Exception exception) { }");
    }

    [Fact]
    public async Task Adds_a_static_RetryAfter_method_for_a_static_wrapper()
    {
        var outcome = await CodeFixRun.ApplyAsync(new AddHookMethodCodeFix(), "RG0015", InClient("""
            [WithRetry(RetryAfter = "DelayFrom")]
            public static partial Task GetAsync(CancellationToken cancellationToken);
            private static Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """));
        CodeFixAssert.Fixed(outcome, "RG0015");
        CodeFixAssert.Contains(outcome, "private static System.TimeSpan? DelayFrom(System.Exception exception) => null;");
    }

    [Fact]
    public async Task Offers_nothing_when_a_method_of_that_name_exists_with_a_wrong_shape()
    {
        using var workspace = new Microsoft.CodeAnalysis.AdhocWorkspace();
        var project = CodeFixRun.CreateProject(workspace, new[] { InClient("""
            [WithRetry(OnRetry = nameof(LogRetry))]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            private void LogRetry(int attempt) { }
            """) });
        var diagnostic = (await CodeFixRun.DiagnosticsAsync(project)).Single(d => d.Id == "RG0013");
        Assert.Empty(await CodeFixRun.ActionsAsync(new AddHookMethodCodeFix(), project, diagnostic));
    }
}
