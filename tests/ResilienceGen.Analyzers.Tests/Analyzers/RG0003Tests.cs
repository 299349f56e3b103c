using ResilienceGen.Analyzers.Tests.Infrastructure;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0003Tests
{
    [Fact]
    public void Raised_on_the_method_name_with_the_expected_signature()
        => Expect.Single("RG0003", InClient("""
            [WithRetry]
            public partial Task<int> [|GetStockAsync|](string sku, CancellationToken cancellationToken);
            """), "GetStockAsync", "GetStockCoreAsync", "private Task<int> GetStockCoreAsync(string sku, CancellationToken cancellationToken)");

    [Fact]
    public void Raised_with_the_Core_suffix_when_the_name_has_no_Async_suffix()
        => Expect.Single("RG0003", InClient("""
            [CircuitBreaker]
            public static partial ValueTask [|Ping|](CancellationToken cancellationToken);
            private Task PingCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """), "Ping", "PingCore", "private static ValueTask PingCore(CancellationToken cancellationToken)");

    [Fact]
    public void Not_raised_when_the_core_method_exists_in_another_part_of_the_type()
        => Expect.None("RG0003", InNamespace("""
            public partial class Client
            {
                [WithRetry]
                public partial Task GetAsync(CancellationToken cancellationToken);
            }
            public partial class Client
            {
                private Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """));

    [Fact]
    public void Raised_when_only_a_base_type_has_the_core_method()
        => Expect.Single("RG0003", InNamespace("""
            public class Base
            {
                protected Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            public partial class Client : Base
            {
                [WithRetry]
                public partial Task [|GetAsync|](CancellationToken cancellationToken);
            }
            """), "GetAsync", "GetCoreAsync", "private Task GetCoreAsync(CancellationToken cancellationToken)");

    [Fact]
    public void Only_error_of_the_build()
        => Expect.OnlyError("RG0003", InClient("""
            [WithRetry]
            public partial Task<int> GetStockAsync(string sku, CancellationToken cancellationToken);
            """));
}
