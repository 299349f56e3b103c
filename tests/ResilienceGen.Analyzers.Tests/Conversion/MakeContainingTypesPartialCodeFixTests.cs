using ResilienceGen.CodeFixes;
using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Conversion;

/// <summary>
/// CS0751 on an attributed method in a type that is not partial: the fix makes every containing type partial, and the
/// result builds with no error (the harness compiles the fixed code with the generator, which then adds the wrapper).
/// </summary>
public class MakeContainingTypesPartialCodeFixTests
{
    [Fact]
    public Task Makes_every_containing_type_partial_and_the_build_is_clean()
        => VerifyCodeFixAsync<MakeContainingTypesPartialCodeFix>(
            """
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
            """
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
            """);

    [Fact]
    public Task Offers_nothing_for_a_partial_method_that_is_not_ours()
    {
        string code = InNamespace("""
            public class Client
            {
                partial void {|CS0751:OnChanged|}();
            }
            """);

        return VerifyCodeFixAsync<MakeContainingTypesPartialCodeFix>(code, code);
    }
}
