using ResilienceGen.Analyzers.Tests.Infrastructure;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0012Tests
{
    [Theory]
    [InlineData("public", "public")]
    [InlineData("internal", "internal")]
    [InlineData("protected internal", "protected internal")]
    public void Raised_as_warning_on_the_core_method_name(string modifier, string shown)
    {
        var diagnostic = Expect.Single("RG0012", InClient($$"""
            [WithRetry]
            public partial Task GetAsync(CancellationToken cancellationToken);
            {{modifier}} Task [|GetCoreAsync|](CancellationToken cancellationToken) => Task.CompletedTask;
            """), "GetCoreAsync", shown, "GetAsync");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void Not_raised_for_a_private_core_method()
        => Expect.None("RG0012", InClient("""
            [WithRetry]
            public partial Task GetAsync(CancellationToken cancellationToken);
            private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """));

    [Fact]
    public void Not_raised_for_a_virtual_core_method_that_cannot_be_private()
        => Expect.None("RG0012", InClient("""
            [WithRetry]
            public partial Task GetAsync(CancellationToken cancellationToken);
            protected virtual Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """));

    [Fact]
    public void Not_raised_when_the_core_method_implements_an_interface()
        => Expect.None("RG0012", InNamespace("""
            public interface IGetter { Task GetCoreAsync(CancellationToken cancellationToken); }
            public partial class Client : IGetter
            {
                [WithRetry]
                public partial Task GetAsync(CancellationToken cancellationToken);
                public Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """));
}
