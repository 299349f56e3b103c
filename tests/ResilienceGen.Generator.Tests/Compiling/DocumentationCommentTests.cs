using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ResilienceGen.Generator.Tests.Infrastructure;

namespace ResilienceGen.Generator.Tests.Compiling;

/// <summary>
/// Projects with GenerateDocumentationFile and warnings as errors (the runtime's own setting) must stay clean:
/// the generated implementation adds no CS1591 (missing XML comment) for a documented public partial method.
/// </summary>
public sealed class DocumentationCommentTests
{
    [Fact]
    public void DocumentedConsumerStaysWarningFree()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using ResilienceGen;

            namespace Documented
            {
                /// <summary>A documented client.</summary>
                public partial class Client
                {
                    /// <summary>Gets a value, with retries.</summary>
                    /// <param name="id">The id.</param>
                    /// <param name="cancellationToken">Cancels the call and its delays.</param>
                    /// <returns>The value.</returns>
                    [WithRetry]
                    [CircuitBreaker]
                    public partial Task<int> GetAsync(int id, CancellationToken cancellationToken);

                    private Task<int> GetCoreAsync(int id, CancellationToken cancellationToken) => Task.FromResult(id);
                }
            }
            """;

        CSharpParseOptions options = GeneratorRun.ParseOptions().WithDocumentationMode(DocumentationMode.Diagnose);
        GeneratorRun run = GeneratorRun.Of(GeneratorRun.Compile(new[] { source }, options), options).AssertCleanBuild();
        Assert.Single(run.GeneratedSources);

        // Control: the same compilation does report CS1591 for an undocumented public type, so the check above is live.
        string undocumented = source.Replace("/// <summary>A documented client.</summary>", string.Empty);
        GeneratorRun control = GeneratorRun.Of(GeneratorRun.Compile(new[] { undocumented }, options), options);
        Assert.Contains(control.WarningsAndErrors(), d => d.Id == "CS1591");
    }
}
