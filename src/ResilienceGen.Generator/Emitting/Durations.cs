using System.Globalization;

namespace ResilienceGen.Generator.Emitting
{
    /// <summary>A number of milliseconds as a person writes it in a comment: "100 ms", "1.5 s", "30 s", "2 min".</summary>
    internal static class Durations
    {
        public static string Text(int milliseconds)
        {
            if (milliseconds < 1000 || milliseconds % 100 != 0)
            {
                return Literals.Int(milliseconds) + " ms";
            }

            if (milliseconds % 60_000 == 0)
            {
                return Literals.Int(milliseconds / 60_000) + " min";
            }

            return (milliseconds / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + " s";
        }
    }
}
