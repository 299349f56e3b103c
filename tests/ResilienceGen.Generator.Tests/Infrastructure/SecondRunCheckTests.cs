using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Sdk;

namespace ResilienceGen.Generator.Tests.Infrastructure;

/// <summary>
/// Control for <see cref="SecondRunCheck"/>, which every generator test passes through: a step whose values are not
/// equatable (a new object each run) must fail it, so a pass of the real generator means its steps are cached.
/// </summary>
public sealed class SecondRunCheckTests
{
    [Fact]
    public void A_step_that_makes_new_objects_every_run_fails_the_check()
    {
        CSharpCompilation compilation = GeneratorRun.Compile(new[] { "public partial class Client { }" });
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new NotEquatableGenerator().AsSourceGenerator() },
            parseOptions: GeneratorRun.ParseOptions(),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);

        var failure = Assert.ThrowsAny<XunitException>(() => SecondRunCheck.AssertCachedOnSecondRun(driver, compilation));
        Assert.Contains("step " + TrackingNames.TypeFiles + " was Modified", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>One value per class declaration, recorded under a real step name, that never equals the last run's.</summary>
    private sealed class NotEquatableGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<object> values = context.SyntaxProvider
                .CreateSyntaxProvider(static (node, _) => node is ClassDeclarationSyntax, static (_, _) => new object())
                .WithTrackingName(TrackingNames.TypeFiles);
            context.RegisterSourceOutput(values, static (output, _) => output.AddSource("Control.g.cs", "// control"));
        }
    }
}
