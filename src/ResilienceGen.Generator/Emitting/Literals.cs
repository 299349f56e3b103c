using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace ResilienceGen.Generator.Emitting
{
    /// <summary>C# literals for the values written into generated code, culture-independent.</summary>
    internal static class Literals
    {
        public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

        public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        public static string Bool(bool value) => value ? "true" : "false";

        /// <summary>Round-trippable, always recognisably a double (<c>2.0</c>, not <c>2</c>).</summary>
        public static string Double(double value)
        {
            if (double.IsNaN(value))
            {
                return "double.NaN";
            }

            if (double.IsPositiveInfinity(value))
            {
                return "double.PositiveInfinity";
            }

            if (double.IsNegativeInfinity(value))
            {
                return "double.NegativeInfinity";
            }

            string text = value.ToString("R", CultureInfo.InvariantCulture);
            return text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 ? text : text + ".0";
        }
    }
}
