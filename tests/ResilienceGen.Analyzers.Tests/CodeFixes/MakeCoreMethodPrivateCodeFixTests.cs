using ResilienceGen.Analyzers.Tests.Infrastructure;
using ResilienceGen.CodeFixes;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.CodeFixes;

public class MakeCoreMethodPrivateCodeFixTests
{
    [Theory]
    [InlineData("public")]
    [InlineData("protected internal")]
    [InlineData("internal static")]
    public async Task Makes_the_core_method_private(string modifiers)
    {
        var isStatic = modifiers.Contains("static", StringComparison.Ordinal) ? "static " : "";
        var outcome = await CodeFixRun.ApplyAsync(new MakeCoreMethodPrivateCodeFix(), "RG0012", InClient($$"""
            [WithRetry]
            public {{isStatic}}partial Task GetAsync(CancellationToken cancellationToken);
            {{modifiers}} Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """));
        CodeFixAssert.Fixed(outcome, "RG0012");
        CodeFixAssert.Contains(outcome, "private " + isStatic + "Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;");
    }

    [Fact]
    public async Task Fix_all_makes_every_core_method_private()
    {
        var outcome = await CodeFixRun.FixAllAsync(new MakeCoreMethodPrivateCodeFix(), "RG0012", InClient("""
            [WithRetry]
            public partial Task GetAsync(CancellationToken cancellationToken);
            public Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            [CircuitBreaker]
            public partial Task PutAsync(CancellationToken cancellationToken);
            internal Task PutCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """));
        CodeFixAssert.Fixed(outcome, "RG0012");
        CodeFixAssert.Contains(outcome, "private Task GetCoreAsync(");
        CodeFixAssert.Contains(outcome, "private Task PutCoreAsync(");
    }
}
