using System.Globalization;
using ResilienceGen.Analyzers.Tests.Infrastructure;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0010Tests
{
    private static string TwoBreakers(string first, string second) => InClient($$"""
        {{first}}
        public partial Task GetAsync(CancellationToken cancellationToken);
        private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        {{second}}
        public partial Task PutAsync(CancellationToken cancellationToken);
        private Task PutCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        """);

    [Fact]
    public void Raised_on_each_declaration_of_a_shared_name_with_different_settings()
    {
        var source = MarkedSource.Parse(TwoBreakers(
            "[CircuitBreaker([|\"inventory\"|], FailureThreshold = 5)]",
            "[CircuitBreaker(Name = \"inventory\", FailureThreshold = 3)]"));
        var diagnostics = AnalyzerRun.AnalyzerDiagnostics(source.Code).Where(d => d.Id == "RG0010").OrderBy(d => d.Location.SourceSpan.Start).ToList();

        Assert.Equal(2, diagnostics.Count);
        Assert.Equal(source.Span!.Value, diagnostics[0].Location.SourceSpan);
        Assert.Equal(
            Expect.Message("RG0010", "inventory", "FailureThreshold = 5", "FailureThreshold = 3", "Demo.Client.PutAsync(System.Threading.CancellationToken)", "use the same settings everywhere, or different names"),
            diagnostics[0].GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("Name = \"inventory\"", source.Code.Substring(diagnostics[1].Location.SourceSpan.Start, diagnostics[1].Location.SourceSpan.Length));
        Assert.Equal(
            Expect.Message("RG0010", "inventory", "FailureThreshold = 3", "FailureThreshold = 5", "Demo.Client.GetAsync(System.Threading.CancellationToken)", "use the same settings everywhere, or different names"),
            diagnostics[1].GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Raised_across_types_and_files()
    {
        var first = InNamespace("""
            public partial class Orders
            {
                [CircuitBreaker("shared", BreakDurationMs = 1000)]
                public partial Task GetAsync(CancellationToken cancellationToken);
                private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """);
        var second = InNamespace("""
            public partial class Payments
            {
                [CircuitBreaker("shared")]
                public partial Task PayAsync(CancellationToken cancellationToken);
                private Task PayCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """);
        var diagnostics = AnalyzerRun.AnalyzerDiagnostics(first, second).Where(d => d.Id == "RG0010").ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).Contains("BreakDurationMs = 1000 here but with BreakDurationMs = 30000", StringComparison.Ordinal));
    }

    [Fact]
    public void Not_raised_when_the_settings_agree_with_defaults_spelled_out()
        => Expect.None("RG0010", TwoBreakers(
            "[CircuitBreaker(\"inventory\", FailureThreshold = 5)]",
            "[CircuitBreaker(\"inventory\")]"));

    [Fact]
    public void Not_raised_for_different_names()
        => Expect.None("RG0010", TwoBreakers(
            "[CircuitBreaker(FailureThreshold = 5)]",
            "[CircuitBreaker(FailureThreshold = 3)]"));

    [Fact]
    public void Not_raised_when_only_the_exception_filters_differ()
        => Expect.None("RG0010", TwoBreakers(
            "[CircuitBreaker(\"inventory\", Handle = [typeof(TimeoutException)])]",
            "[CircuitBreaker(\"inventory\")]"));
}
