using Microsoft.CodeAnalysis.Testing;
using ResilienceGen.Analyzers.Tests.Verifiers;
using ResilienceGen.CodeFixes;

namespace ResilienceGen.Analyzers.Tests.Conversion;

/// <summary>
/// CS0751 on an attributed method in a type that is not partial: the fix makes every containing type partial, and the
/// result builds with no error (the harness compiles the fixed code with the generator, which then adds the wrapper).
/// </summary>
public class MakeContainingTypesPartialCodeFixTests
{
    [Fact]
    public async Task Makes_every_containing_type_partial_and_the_build_is_clean()
    {
        var test = new StandardCodeFixTest<EmptyDiagnosticAnalyzer, MakeContainingTypesPartialCodeFix>
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using ResilienceGen;

                namespace Demo;

                public static class Outer
                {
                    internal class Client
                    {
                        [WithRetry]
                        public partial Task {|CS0751:{|CS8795:GetAsync|}|}(CancellationToken cancellationToken);

                        private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                    }
                }
                """,
            FixedCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using ResilienceGen;

                namespace Demo;

                public static partial class Outer
                {
                    internal partial class Client
                    {
                        [WithRetry]
                        public partial Task GetAsync(CancellationToken cancellationToken);

                        private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                    }
                }
                """,
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task Offers_nothing_for_a_partial_method_that_is_not_ours()
    {
        const string code = """
            namespace Demo;

            public class Client
            {
                partial void {|CS0751:OnChanged|}();
            }
            """;
        var test = new StandardCodeFixTest<EmptyDiagnosticAnalyzer, MakeContainingTypesPartialCodeFix> { TestCode = code, FixedCode = code };

        await test.RunAsync();
    }
}
