using static ResilienceGen.Analyzers.Tests.Infrastructure.ResilienceGenVerifier;
using static ResilienceGen.Analyzers.Tests.Infrastructure.Sources;

namespace ResilienceGen.Analyzers.Tests.Analyzers;

public class RG0017Tests
{
    private const string Wrapper = """
        public partial Task<int> GetAsync(Request request, Uri endpoint, CancellationToken cancellationToken = default);
        private Task<int> GetCoreAsync(Request request, Uri endpoint, CancellationToken cancellationToken) => Task.FromResult(1);
        public sealed class Tenant
        {
            public string Id { get; set; } = "";
            private string Secret { get; set; } = "";
            public string WriteOnly { set { } }
            public static string Shared { get; } = "";
            public string this[int index] => "";
        }
        public sealed record Request(Tenant? Tenant, Uri Endpoint);
        """;

    private static Task Raised(string keyBy, string whyNot, string hint)
        => VerifyAnalyzerAsync(
            InClient("[CircuitBreaker(\"hosts\", {|#0:KeyBy = \"" + keyBy + "\"|})]\n" + Wrapper),
            Diagnostic("RG0017").WithLocation(0).WithArguments(keyBy, "CircuitBreaker", whyNot, hint));

    [Fact]
    public Task Raised_for_a_missing_parameter()
        => Raised("uri.Host", "names no parameter 'uri' of 'GetAsync'", "name one of 'request', 'endpoint', 'cancellationToken'");

    [Fact]
    public Task Raised_for_a_parameter_spelled_in_another_case()
        => Raised("Endpoint.Host", "names no parameter 'Endpoint' of 'GetAsync'", "did you mean 'endpoint'?");

    [Fact]
    public Task Raised_for_a_missing_member()
        => Raised("endpoint.Hostname", "names no instance property or field 'Hostname' of 'Uri'", "name a property or field of 'Uri'");

    [Fact]
    public Task Raised_for_a_member_spelled_in_another_case()
        => Raised("request.tenant.Id", "names no instance property or field 'tenant' of 'Request'", "did you mean 'Tenant'?");

    [Fact]
    public Task Raised_for_an_inaccessible_member()
        => Raised("request.Tenant.Secret", "names 'Tenant.Secret', which 'Client' cannot read",
            "make it readable from 'Client' (a getter at least internal), or key by another member");

    [Fact]
    public Task Raised_for_a_property_without_a_getter()
        => Raised("request.Tenant.WriteOnly", "names 'Tenant.WriteOnly', which 'Client' cannot read",
            "make it readable from 'Client' (a getter at least internal), or key by another member");

    [Fact]
    public Task Raised_for_a_static_member()
        => Raised("request.Tenant.Shared", "names the static member 'Tenant.Shared'", "a key is read from the argument: name an instance property or field");

    [Fact]
    public Task Raised_for_the_cancellation_token()
        => Raised("cancellationToken", "names the CancellationToken 'cancellationToken', which is no key",
            "name the parameter (or its member) that tells the endpoints apart");

    [Fact]
    public Task Raised_for_a_member_of_the_cancellation_token()
        => Raised("cancellationToken.IsCancellationRequested", "names the CancellationToken 'cancellationToken', which is no key",
            "name the parameter (or its member) that tells the endpoints apart");

    [Theory]
    [InlineData("")]
    [InlineData("endpoint.")]
    [InlineData("endpoint..Host")]
    [InlineData(" endpoint")]
    public Task Raised_for_a_path_that_is_not_one(string keyBy)
        => Raised(keyBy, "is not a parameter name followed by '.Member' parts", "write it like \"endpoint.Host\", without spaces or empty parts");

    [Fact]
    public Task Raised_for_a_member_of_an_unconstrained_type_parameter()
        => VerifyAnalyzerAsync(InClient("""
            [CircuitBreaker({|#0:KeyBy = "item.Id"|})]
            public partial Task PutAsync<T>(T item, CancellationToken cancellationToken) where T : IHasId;
            private Task PutCoreAsync<T>(T item, CancellationToken cancellationToken) where T : IHasId => Task.CompletedTask;
            public interface IHasId { int Id { get; } }
            """), Diagnostic("RG0017").WithLocation(0).WithArguments("item.Id", "CircuitBreaker",
                "reads 'Id' of the type parameter 'T', which may or may not be null", "constrain 'T' to class or struct, or key by the parameter itself"));

    [Theory]
    [InlineData("endpoint")]
    [InlineData("endpoint.Host")]
    [InlineData("endpoint.Port")]
    [InlineData("request")]
    [InlineData("request.Tenant.Id")]
    [InlineData("request.Tenant.Id.Length")]
    [InlineData("request.Endpoint.Authority")]
    public Task Not_raised_for_a_parameter_and_readable_members(string keyBy)
        => VerifyAnalyzerAsync(InClient("[CircuitBreaker(\"hosts\", KeyBy = \"" + keyBy + "\")]\n" + Wrapper));

    [Fact]
    public Task Not_raised_for_class_and_struct_constrained_type_parameters_and_nullable_values()
        => VerifyAnalyzerAsync(InClient("""
            public interface IHasId { int Id { get; } }
            public readonly record struct Shard(int Number);
            [CircuitBreaker(KeyBy = "item.Id")]
            public partial Task PutAsync<T>(T item, CancellationToken cancellationToken) where T : class, IHasId;
            private Task PutCoreAsync<T>(T item, CancellationToken cancellationToken) where T : class, IHasId => Task.CompletedTask;
            [CircuitBreaker(KeyBy = "item.Id")]
            public partial Task PutValueAsync<T>(T item, CancellationToken cancellationToken) where T : struct, IHasId;
            private Task PutValueCoreAsync<T>(T item, CancellationToken cancellationToken) where T : struct, IHasId => Task.CompletedTask;
            [CircuitBreaker(KeyBy = "shard.Number")]
            public partial Task ShardAsync(Shard? shard, CancellationToken cancellationToken);
            private Task ShardCoreAsync(Shard? shard, CancellationToken cancellationToken) => Task.CompletedTask;
            [CircuitBreaker(KeyBy = "item")]
            public partial Task AnyAsync<T>(T item, CancellationToken cancellationToken);
            private Task AnyCoreAsync<T>(T item, CancellationToken cancellationToken) => Task.CompletedTask;
            """));

    [Fact]
    public Task MaxKeys_below_1_is_RG0007()
        => VerifyAnalyzerAsync(
            InClient("[CircuitBreaker(\"hosts\", KeyBy = \"endpoint.Host\", {|#0:MaxKeys = 0|})]\n" + Wrapper),
            Diagnostic("RG0007").WithLocation(0).WithArguments("MaxKeys", "0", "CircuitBreaker", "of 1 or more"));

    [Fact]
    public Task Only_error_of_the_build()
        => VerifyWholeBuildAsync(InClient("[CircuitBreaker(\"hosts\", {|RG0017:KeyBy = \"endpoint.Hostname\"|})]\n" + Wrapper));
}
