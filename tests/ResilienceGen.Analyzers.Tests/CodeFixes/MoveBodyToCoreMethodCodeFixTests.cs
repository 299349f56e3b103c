using ResilienceGen.Analyzers.Tests.Infrastructure;
using ResilienceGen.CodeFixes;
using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.CodeFixes;

public class MoveBodyToCoreMethodCodeFixTests
{
    [Fact]
    public Task Moves_a_block_body_into_a_new_private_core_method()
        => VerifyCodeFixAsync<MoveBodyToCoreMethodCodeFix>(
            InClient("""
                [WithRetry]
                public async Task<int> {|RG0001:GetAsync|}(string sku, CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken);
                    return sku.Length;
                }
                """),
            InClient("""
                [WithRetry]
                public partial Task<int> GetAsync(string sku, CancellationToken cancellationToken);

                private async Task<int> GetCoreAsync(string sku, CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken);
                    return sku.Length;
                }
                """));

    [Fact]
    public Task Makes_the_containing_types_partial_and_keeps_static_and_generics()
        => VerifyCodeFixAsync<MoveBodyToCoreMethodCodeFix>(
            InNamespace("""
                public static class Outer
                {
                    internal class Inner
                    {
                        [CircuitBreaker]
                        static Task<T> {|RG0001:Echo|}<T>(T value, CancellationToken cancellationToken) where T : class => Task.FromResult(value);
                    }
                }
                """),
            InNamespace("""
                public static partial class Outer
                {
                    internal partial class Inner
                    {
                        [CircuitBreaker]
                        private static partial Task<T> Echo<T>(T value, CancellationToken cancellationToken) where T : class;

                        private static Task<T> EchoCore<T>(T value, CancellationToken cancellationToken) where T : class => Task.FromResult(value);
                    }
                }
                """));

    [Fact]
    public Task Fix_all_moves_every_body()
        => new ResilienceGenTest<MoveBodyToCoreMethodCodeFix>
        {
            TestCode = InClient("""
                [WithRetry]
                public Task {|RG0001:GetAsync|}(CancellationToken cancellationToken) => Task.Delay(1, cancellationToken);
                [CircuitBreaker]
                public Task<int> {|RG0001:CountAsync|}(CancellationToken cancellationToken) => Task.FromResult(1);
                """),
            FixedCode = InClient("""
                [WithRetry]
                public partial Task GetAsync(CancellationToken cancellationToken);

                private Task GetCoreAsync(CancellationToken cancellationToken) => Task.Delay(1, cancellationToken);
                [CircuitBreaker]
                public partial Task<int> CountAsync(CancellationToken cancellationToken);

                private Task<int> CountCoreAsync(CancellationToken cancellationToken) => Task.FromResult(1);
                """),
            NumberOfFixAllIterations = 1,
        }.RunAsync();

    [Fact]
    public Task Moves_a_user_written_implementing_part_and_keeps_its_attributes()
        => VerifyCodeFixAsync<MoveBodyToCoreMethodCodeFix>(
            InClient("""
                public partial Task {|RG0001:GetAsync|}(CancellationToken cancellationToken);
                [WithRetry(MaxRetries = 2)]
                public partial Task GetAsync(CancellationToken cancellationToken) => Task.Delay(1, cancellationToken);
                """),
            Usings + """
                namespace Demo
                {
                    public partial class Client
                    {
                        [WithRetry(MaxRetries = 2)]
                        public partial Task GetAsync(CancellationToken cancellationToken);

                        private Task GetCoreAsync(CancellationToken cancellationToken) => Task.Delay(1, cancellationToken);
                    }
                }
                """);

    [Fact]
    public Task Offers_no_fix_for_an_abstract_method_there_is_no_body_to_move()
    {
        // The fixed code is the source itself: the library then checks that no fix is offered.
        var source = InNamespace("""
            public abstract class Client
            {
                [WithRetry]
                public abstract Task {|#0:GetAsync|}(CancellationToken cancellationToken);
            }
            """);
        var expected = Diagnostic("RG0001").WithLocation(0).WithArguments("GetAsync", "is abstract", "GetCoreAsync");
        return VerifyCodeFixAsync<MoveBodyToCoreMethodCodeFix>(source, new[] { expected }, source);
    }
}
