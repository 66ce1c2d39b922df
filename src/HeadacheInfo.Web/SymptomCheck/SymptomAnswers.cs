using System.Collections.Immutable;
using Microsoft.Extensions.Primitives;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>Reads the ticked boxes from the form, refusing anything the form could not have sent.</summary>
public static class SymptomAnswers
{
    public const string FieldName = "signs";

    /// <returns>The ticked ids, or null when a value is unknown or repeated.</returns>
    public static ImmutableArray<string>? Parse(StringValues values)
    {
        var ids = ImmutableArray.CreateBuilder<string>(values.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (value is null || SignCatalog.Find(value) is null || !seen.Add(value))
            {
                return null;
            }

            ids.Add(value);
        }

        return ids.ToImmutable();
    }
}
