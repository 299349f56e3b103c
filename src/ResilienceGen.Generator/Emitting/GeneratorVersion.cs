namespace ResilienceGen.Generator.Emitting
{
    /// <summary>The version written into [GeneratedCode]: the generator assembly's Major.Minor.Build (the package version).</summary>
    internal static class GeneratorVersion
    {
        public static readonly string Value = Read();

        private static string Read()
        {
            System.Version? version = typeof(GeneratorVersion).Assembly.GetName().Version;
            return version is null ? "0.0.0" : version.Major + "." + version.Minor + "." + System.Math.Max(0, version.Build);
        }
    }
}
