namespace ResilienceGen.Analyzers.Tests.Infrastructure;

/// <summary>Wraps test members in the usings and partial class a user would write around them.</summary>
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

        """ + members + """

            }
        }
        """;

    /// <summary>Whole type declarations placed in namespace <c>Demo</c>.</summary>
    public static string InNamespace(string types) => Usings + "namespace Demo\n{\n" + types + "\n}\n";
}
