using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// One thing wrong with an attributed method, as the shared validator finds it.
    /// The analyzers turn it into a diagnostic (RGxxxx); the generator only asks whether any is an error.
    /// </summary>
    internal sealed class DeclarationProblem
    {
        public DeclarationProblem(string id, bool isError, Location location, ImmutableArray<string> messageArgs)
        {
            Id = id;
            IsError = isError;
            Location = location;
            MessageArgs = messageArgs;
        }

        /// <summary>Stable diagnostic id, e.g. "RG0003".</summary>
        public string Id { get; }

        /// <summary>True for problems of error severity: the generator emits no wrapper for the method.</summary>
        public bool IsError { get; }

        /// <summary>Where the diagnostic goes (the method name, the attribute argument, the parameter...).</summary>
        public Location Location { get; }

        /// <summary>Arguments for the descriptor's message format, in order.</summary>
        public ImmutableArray<string> MessageArgs { get; }

        /// <summary>
        /// True when the compiler already reports this mistake with an error of its own: the analyzers must not
        /// add ours on top, but the generator still treats the method as invalid.
        /// </summary>
        public bool IsReportedByCompiler => Id == DiagnosticIds.ReportedByCompiler;

        internal static DeclarationProblem Error(string id, Location location, params string[] messageArgs)
            => new DeclarationProblem(id, isError: true, location, ImmutableArray.Create(messageArgs));

        internal static DeclarationProblem NotError(string id, Location location, params string[] messageArgs)
            => new DeclarationProblem(id, isError: false, location, ImmutableArray.Create(messageArgs));

        internal static DeclarationProblem LeftToCompiler(Location location)
            => new DeclarationProblem(DiagnosticIds.ReportedByCompiler, isError: true, location, ImmutableArray<string>.Empty);
    }
}
