using System.Text.RegularExpressions;

namespace ResilienceGen.Generator.Emitting
{
    /// <summary>Type names for comments: the fully qualified text the model carries, without namespaces.</summary>
    internal static class TypeNames
    {
        // "global::", then any run of "Identifier." before an identifier: System.Net.Http.HttpRequestException -> HttpRequestException,
        // also inside type arguments (Ns.Error<global::System.Int32> -> Error<Int32>).
        private static readonly Regex Qualifier = new Regex(@"(?:global::)?(?:@?[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\p{Cf}]*\.)+(?=@?[\p{L}\p{Nl}_])", RegexOptions.CultureInvariant);

        public static string Short(string qualifiedName) => Qualifier.Replace(qualifiedName, string.Empty);
    }
}
