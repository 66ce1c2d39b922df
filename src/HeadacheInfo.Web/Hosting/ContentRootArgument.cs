namespace HeadacheInfo.Web.Hosting;

/// <summary>
/// <c>--contentRoot</c> as a person means it: a relative folder is taken from the current directory. The host on
/// its own takes it from the program's folder, so <c>dotnet out/HeadacheInfo.Web.dll --contentRoot out</c> run
/// from the checkout looked for <c>out/out</c> and stopped with a stack trace.
/// </summary>
public static class ContentRootArgument
{
    private const string Name = "contentRoot";

    /// <returns>The arguments with the content root made absolute, and a problem to report when that folder is missing.</returns>
    public static (string[] Args, string? Problem) Resolve(string[] args)
    {
        var resolved = (string[])args.Clone();
        for (var i = 0; i < resolved.Length; i++)
        {
            var arg = resolved[i];
            var prefix = arg.StartsWith("--", StringComparison.Ordinal) ? "--" : arg.StartsWith('/') ? "/" : null;
            if (prefix is null || !arg.AsSpan(prefix.Length).StartsWith(Name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = arg[(prefix.Length + Name.Length)..];
            string? value;
            if (rest.Length == 0 && i + 1 < resolved.Length)
            {
                value = resolved[i + 1] = Path.GetFullPath(resolved[i + 1]);
            }
            else if (rest.StartsWith('='))
            {
                value = Path.GetFullPath(rest[1..]);
                resolved[i] = $"{prefix}{Name}={value}";
            }
            else
            {
                continue;
            }

            if (!Directory.Exists(value))
            {
                return (resolved, $"--contentRoot: the folder '{value}' does not exist. Give the published folder, the one " +
                    "holding HeadacheInfo.Web.dll and wwwroot/ (such as --contentRoot out), or leave --contentRoot out and start from that folder.");
            }
        }

        return (resolved, null);
    }
}
