using Microsoft.CodeAnalysis;
using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0012Tests
{
    [Theory]
    [InlineData("public", "public")]
    [InlineData("internal", "internal")]
    [InlineData("protected internal", "protected internal")]
    public Task Raised_as_warning_on_the_core_method_name(string modifier, string shown)
        => VerifyAnalyzerAsync(InClient($$"""
            [WithRetry]
            public partial Task GetAsync(CancellationToken cancellationToken);
            {{modifier}} Task {|#0:GetCoreAsync|}(CancellationToken cancellationToken) => Task.CompletedTask;
            """), Diagnostic("RG0012").WithSeverity(DiagnosticSeverity.Warning).WithLocation(0).WithArguments("GetCoreAsync", shown, "GetAsync"));

    [Fact]
    public Task Not_raised_for_a_private_core_method()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """));

    [Fact]
    public Task Not_raised_for_a_virtual_core_method_that_cannot_be_private()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry]
            public partial Task GetAsync(CancellationToken cancellationToken);
            protected virtual Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """));

    [Fact]
    public Task Not_raised_when_the_core_method_implements_an_interface()
        => VerifyAnalyzerAsync(InNamespace("""
            public interface IGetter { Task GetCoreAsync(CancellationToken cancellationToken); }
            public partial class Client : IGetter
            {
                [WithRetry]
                public partial Task GetAsync(CancellationToken cancellationToken);
                public Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """));
}
