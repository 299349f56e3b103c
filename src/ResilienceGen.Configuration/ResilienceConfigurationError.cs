using System;

namespace ResilienceGen.Configuration
{
    /// <summary>
    /// One configuration value that was not applied (unparsable, out of range, unknown key, or a value where a
    /// section belongs). The binding skips it, as if it were absent, and goes on with the others.
    /// </summary>
    public sealed class ResilienceConfigurationError
    {
        internal ResilienceConfigurationError(string path, string? value, string reason, Exception? exception = null)
        {
            Path = path;
            Value = value;
            Reason = reason;
            Exception = exception;
        }

        /// <summary>The full configuration path, for example <c>ResilienceGen:Breakers:inventory:FailureThreshold</c>.</summary>
        public string Path { get; }

        /// <summary>The raw value found at <see cref="Path"/>, or null when the path is a section.</summary>
        public string? Value { get; }

        /// <summary>Why the value was skipped, in one sentence.</summary>
        public string Reason { get; }

        /// <summary>The runtime's range error, when the runtime refused the value; otherwise null.</summary>
        public Exception? Exception { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Path} = '{Value}': {Reason}";
    }
}
