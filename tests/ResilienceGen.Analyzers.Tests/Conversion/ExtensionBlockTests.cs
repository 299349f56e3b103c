using Microsoft.CodeAnalysis.Testing;
using ResilienceGen.Analyzers.Tests.Verifiers;
using ResilienceGen.CodeFixes;

namespace ResilienceGen.Analyzers.Tests.Conversion;

/// <summary>
/// C# 14 extension(...) block members cannot be partial, so they cannot be resilient methods: the compiler says so,
/// and ResilienceGen adds nothing there (no RG diagnostic, no generated code).
/// </summary>
public class ExtensionBlockTests
{
    [Fact]
    public async Task Attributed_extension_block_members_get_no_RG_diagnostic()
    {
        var test = new StandardAnalyzerTest<ResilientMethodAnalyzer>
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using ResilienceGen;

                namespace Demo;

                public static partial class TextExtensions
                {
                    extension(string text)
                    {
                        [WithRetry]
                        public partial Task {|CS0751:{|#0:PingAsync|}|}(CancellationToken cancellationToken);

                        [CircuitBreaker]
                        public Task SendAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CS8795").WithLocation(0)
            .WithArguments("Demo.TextExtensions.extension(string).PingAsync(System.Threading.CancellationToken)"));

        await test.RunAsync();
    }

    [Fact]
    public async Task The_make_types_partial_fix_is_not_offered_there()
    {
        const string code = """
            using System.Threading;
            using System.Threading.Tasks;
            using ResilienceGen;

            namespace Demo;

            public static partial class TextExtensions
            {
                extension(string text)
                {
                    [WithRetry]
                    public partial Task {|CS0751:{|CS8795:PingAsync|}|}(CancellationToken cancellationToken);
                }
            }
            """;
        var test = new StandardCodeFixTest<EmptyDiagnosticAnalyzer, MakeContainingTypesPartialCodeFix> { TestCode = code, FixedCode = code };

        await test.RunAsync();
    }
}
