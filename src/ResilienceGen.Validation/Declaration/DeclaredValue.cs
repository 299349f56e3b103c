namespace ResilienceGen.Validation
{
    /// <summary>
    /// One attribute property as a method declares it: the value written, or the default when it is left out (or
    /// written as something the compiler could not evaluate). <see cref="Property"/> says where to point a diagnostic.
    /// </summary>
    internal readonly struct DeclaredValue<T>
    {
        public DeclaredValue(string property, T value, bool isWritten)
        {
            Property = property;
            Value = value;
            IsWritten = isWritten;
        }

        /// <summary>The attribute property, e.g. "MaxRetries".</summary>
        public string Property { get; }

        public T Value { get; }

        /// <summary>False when <see cref="Value"/> is the default.</summary>
        public bool IsWritten { get; }
    }
}
