using ResilienceGen.Analyzers.Tests.Infrastructure;
using ResilienceGen.CodeFixes;
using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.CodeFixes;

public class MakeCoreMethodPrivateCodeFixTests
{
    [Theory]
    [InlineData("public")]
    [InlineData("protected internal")]
    [InlineData("internal static")]
    public Task Makes_the_core_method_private(string modifiers)
    {
        var isStatic = modifiers.Contains("static", StringComparison.Ordinal) ? "static " : "";
        return VerifyCodeFixAsync<MakeCoreMethodPrivateCodeFix>(
            InClient($$"""
                [WithRetry]
                public {{isStatic}}partial Task GetAsync(CancellationToken cancellationToken);
                {{modifiers}} Task {|RG0012:GetCoreAsync|}(CancellationToken cancellationToken) => Task.CompletedTask;
                """),
            InClient($$"""
                [WithRetry]
                public {{isStatic}}partial Task GetAsync(CancellationToken cancellationToken);
                private {{isStatic}}Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                """));
    }

    [Fact]
    public Task Fix_all_makes_every_core_method_private()
        => new ResilienceGenTest<MakeCoreMethodPrivateCodeFix>
        {
            TestCode = InClient("""
                [WithRetry]
                public partial Task GetAsync(CancellationToken cancellationToken);
                public Task {|RG0012:GetCoreAsync|}(CancellationToken cancellationToken) => Task.CompletedTask;
                [CircuitBreaker]
                public partial Task PutAsync(CancellationToken cancellationToken);
                internal Task {|RG0012:PutCoreAsync|}(CancellationToken cancellationToken) => Task.CompletedTask;
                """),
            FixedCode = InClient("""
                [WithRetry]
                public partial Task GetAsync(CancellationToken cancellationToken);
                private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                [CircuitBreaker]
                public partial Task PutAsync(CancellationToken cancellationToken);
                private Task PutCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                """),
            NumberOfFixAllIterations = 1,
        }.RunAsync();
}
