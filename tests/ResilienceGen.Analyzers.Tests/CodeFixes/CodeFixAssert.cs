using ResilienceGen.Analyzers.Tests.Infrastructure;

namespace ResilienceGen.Analyzers.Tests.CodeFixes;

internal static class CodeFixAssert
{
    /// <summary>After the fix: no error anywhere in the build (generator included) and no <paramref name="id"/> left.</summary>
    public static void Fixed(CodeFixRun.Outcome outcome, string id)
    {
        var text = string.Join(Environment.NewLine + "-----" + Environment.NewLine, outcome.Sources);
        Assert.True(!outcome.ErrorsAfter.Any(), "Errors after the fix:" + Environment.NewLine + Expect.Describe(outcome.ErrorsAfter) + Environment.NewLine + text);
        Assert.True(outcome.DiagnosticsAfter.All(d => d.Id != id), $"{id} is still reported:" + Environment.NewLine + Expect.Describe(outcome.DiagnosticsAfter) + Environment.NewLine + text);
    }

    public static void Contains(CodeFixRun.Outcome outcome, string expected)
        => Assert.True(outcome.Sources.Any(s => Normalize(s).Contains(Normalize(expected), StringComparison.Ordinal)),
            "Expected to find:" + Environment.NewLine + expected + Environment.NewLine + "in:" + Environment.NewLine + string.Join(Environment.NewLine, outcome.Sources));

    /// <summary>Whitespace-insensitive comparison: the fixes are judged on the code they write, not its layout.</summary>
    private static string Normalize(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
