namespace ResilienceGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Wraps test members in the usings and partial class a user would write around them, indented as a user would
/// indent them (so a code fix's formatted output reads as it would in the editor).
/// </summary>
public static class Sources
{
    public const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using ResilienceGen;

        """;

    /// <summary>Members placed inside <c>public partial class Client</c> in namespace <c>Demo</c>.</summary>
    public static string InClient(string members) => Usings + """
        namespace Demo
        {
            public partial class Client
            {

        """ + Indent(members, 2) + """

            }
        }
        """;

    /// <summary>Whole type declarations placed in namespace <c>Demo</c>.</summary>
    public static string InNamespace(string types) => Usings + "namespace Demo\n{\n" + Indent(types, 1) + "\n}\n";

    private static string Indent(string text, int levels)
    {
        var indentation = new string(' ', 4 * levels);
        return string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : indentation + line));
    }
}
