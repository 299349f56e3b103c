using Microsoft.CodeAnalysis.Testing;
using ResilienceGen.Analyzers.Tests.Infrastructure;
using ResilienceGen.CodeFixes;
using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Conversion;

/// <summary>
/// The user added <c>partial</c> and kept the body: a partial implementation with no defining declaration. The
/// compiler says CS0759; RG0001 says where the body goes, and its fix moves it into a Core method.
/// </summary>
public class PartialImplementationWithBodyTests
{
    // Written out rather than through Sources: the spans below and the fixed code are this text's lines and layout.
    private const string Before = """
        using System.Threading;
        using System.Threading.Tasks;
        using ResilienceGen;

        namespace Demo;

        public partial class Client
        {
            [WithRetry]
            public partial Task<int> GetAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(sku.Length);
        }
        """;

    // Spans rather than markup: the code fix test keeps the expected diagnostics beside a fixed state without markup.
    private static readonly DiagnosticResult[] Expected =
    {
        DiagnosticResult.CompilerError("CS0759").WithSpan(10, 30, 10, 38).WithArguments("Demo.Client.GetAsync(string, System.Threading.CancellationToken)"),
        Diagnostic("RG0001").WithSpan(10, 30, 10, 38)
            .WithArguments("GetAsync", "is partial and has a body but no declaration without one", "GetCoreAsync"),
    };

    [Fact]
    public Task Raises_RG0001_beside_CS0759()
        => VerifyAnalyzerAsync(Before, Expected);

    [Fact]
    public async Task The_move_body_fix_leaves_a_declaration_and_a_Core_method_that_build()
    {
        var test = new ResilienceGenTest<MoveBodyToCoreMethodCodeFix>
        {
            TestCode = Before,
        };
        const string fixedCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using ResilienceGen;

                namespace Demo;

                public partial class Client
                {
                    [WithRetry]
                    public partial Task<int> GetAsync(string sku, CancellationToken cancellationToken);

                    private Task<int> GetCoreAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(sku.Length);
                }
                """;
        test.ExpectedDiagnostics.AddRange(Expected);

        // The fix removes the compiler's CS0759 along with ours; by default the harness expects an id the fix does not
        // name to stay, so the fixed state is given in full: its code, its references, and no diagnostic at all.
        test.FixedState.InheritanceMode = StateInheritanceMode.Explicit;
        test.FixedState.Sources.Add(fixedCode);
        test.FixedState.AdditionalReferences.AddRange(test.TestState.AdditionalReferences);

        await test.RunAsync();
    }

    [Fact]
    public Task A_partial_implementation_with_its_declaration_is_still_the_written_both_parts_case()
        => VerifyAnalyzerAsync(
            InClient("""
                [WithRetry]
                public partial Task {|#0:GetAsync|}(CancellationToken cancellationToken);

                public partial Task GetAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                """),
            Diagnostic("RG0001").WithLocation(0)
                .WithArguments("GetAsync", "has an implementing declaration with a body", "GetCoreAsync"));
}
