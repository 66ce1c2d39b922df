using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace HeadacheInfo.Web.Logging;

/// <summary>
/// Escapes control characters (CR, LF, ESC and the like) as <c>\uXXXX</c>, so text that came from a
/// request or a file name can never start a forged log line or colour a terminal.
/// </summary>
public static class LogSafeText
{
    public static string Escape(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (NeedsEscape(c))
            {
                escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}

/// <summary>Applies <see cref="LogSafeText"/> to every text value of every log event, whoever logged it.</summary>
internal sealed class ControlCharacterEscaper : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: string text } && LogSafeText.Escape(text) is var safe && !ReferenceEquals(safe, text))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(safe)));
            }
        }
    }
}
