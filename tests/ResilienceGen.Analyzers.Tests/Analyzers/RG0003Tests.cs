using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0003Tests
{
    [Fact]
    public Task Raised_on_the_method_name_with_the_expected_signature()
        => VerifyAnalyzerAsync(InClient("""
            [WithRetry]
            public partial Task<int> {|#0:GetStockAsync|}(string sku, CancellationToken cancellationToken);
            """), Diagnostic("RG0003").WithLocation(0).WithArguments("GetStockAsync", "GetStockCoreAsync", "private Task<int> GetStockCoreAsync(string sku, CancellationToken cancellationToken)"));

    [Fact]
    public Task Raised_with_the_Core_suffix_when_the_name_has_no_Async_suffix()
        => VerifyAnalyzerAsync(InClient("""
            [CircuitBreaker]
            public static partial ValueTask {|#0:Ping|}(CancellationToken cancellationToken);
            private Task PingCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            """), Diagnostic("RG0003").WithLocation(0).WithArguments("Ping", "PingCore", "private static ValueTask PingCore(CancellationToken cancellationToken)"));

    [Fact]
    public Task Not_raised_when_the_core_method_exists_in_another_part_of_the_type()
        => VerifyAnalyzerAsync(InNamespace("""
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
    public Task Raised_when_only_a_base_type_has_the_core_method()
        => VerifyAnalyzerAsync(InNamespace("""
            public class Base
            {
                protected Task GetCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            public partial class Client : Base
            {
                [WithRetry]
                public partial Task {|#0:GetAsync|}(CancellationToken cancellationToken);
            }
            """), Diagnostic("RG0003").WithLocation(0).WithArguments("GetAsync", "GetCoreAsync", "private Task GetCoreAsync(CancellationToken cancellationToken)"));

    [Fact]
    public Task Only_error_of_the_build()
        => VerifyWholeBuildAsync(InClient("""
            [WithRetry]
            public partial Task<int> {|RG0003:GetStockAsync|}(string sku, CancellationToken cancellationToken);
            """));
}
