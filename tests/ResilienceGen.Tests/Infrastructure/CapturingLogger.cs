using Microsoft.Extensions.Logging;

namespace ResilienceGen.Tests.Infrastructure;

/// <summary>One captured log call, with its structured fields.</summary>
public sealed record LogEntry(
    string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception,
    IReadOnlyDictionary<string, object?> Fields);

/// <summary>An <see cref="ILogger"/> and <see cref="ILoggerFactory"/> that keep every entry, for assertions.</summary>
public sealed class CapturingLogger : ILogger, ILoggerFactory
{
    private readonly object _gate = new();
    private readonly List<LogEntry> _entries = new();
    private readonly string _category;
    private readonly CapturingLogger? _root;

    public CapturingLogger(LogLevel minimumLevel = LogLevel.Trace)
        : this("test", minimumLevel, null)
    {
    }

    private CapturingLogger(string category, LogLevel minimumLevel, CapturingLogger? root)
    {
        _category = category;
        MinimumLevel = minimumLevel;
        _root = root;
    }

    public LogLevel MinimumLevel { get; }

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            CapturingLogger root = _root ?? this;
            lock (root._gate)
            {
                return root._entries.ToArray();
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= MinimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var fields = new Dictionary<string, object?>();
        if (state is IReadOnlyList<KeyValuePair<string, object?>> pairs)
        {
            foreach (KeyValuePair<string, object?> pair in pairs)
            {
                fields[pair.Key] = pair.Value;
            }
        }

        var entry = new LogEntry(_category, logLevel, eventId, formatter(state, exception), exception, fields);
        CapturingLogger root = _root ?? this;
        lock (root._gate)
        {
            root._entries.Add(entry);
        }
    }

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, MinimumLevel, _root ?? this);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }
}
