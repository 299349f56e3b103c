using Microsoft.CodeAnalysis.Testing;
using ResilienceGen.CodeFixes;
using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Conversion;

/// <summary>
/// C# 14 extension(...) block members cannot be partial, so they cannot be resilient methods: the compiler says so,
/// and ResilienceGen adds nothing there (no RG diagnostic, no generated code).
/// </summary>
public class ExtensionBlockTests
{
    [Fact]
    public Task Attributed_extension_block_members_get_no_RG_diagnostic()
        => VerifyAnalyzerAsync(
            InNamespace("""
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
                """),
            DiagnosticResult.CompilerError("CS8795").WithLocation(0)
                .WithArguments("Demo.TextExtensions.extension(string).PingAsync(System.Threading.CancellationToken)"));

    [Fact]
    public Task The_make_types_partial_fix_is_not_offered_there()
    {
        string code = InNamespace("""
            public static partial class TextExtensions
            {
                extension(string text)
                {
                    [WithRetry]
                    public partial Task {|CS0751:{|CS8795:PingAsync|}|}(CancellationToken cancellationToken);
                }
            }
            """);

        return VerifyCodeFixAsync<MakeContainingTypesPartialCodeFix>(code, code);
    }
}
