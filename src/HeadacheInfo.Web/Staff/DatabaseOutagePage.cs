namespace HeadacheInfo.Web.Staff;

/// <summary>
/// A staff request the database could not answer (a restart, a network drop): a 503 that says so plainly and
/// shows back what was typed, since nothing was saved. Patients are never affected: they are served from the folder.
/// </summary>
internal static class DatabaseOutagePage
{
    public static bool IsOutage(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A password or a sign-in code: never written into a page, even back to the person who typed it.</summary>
    private static bool IsSecret(string field) =>
        field.Contains("Password", StringComparison.OrdinalIgnoreCase) || field.EndsWith("Code", StringComparison.OrdinalIgnoreCase);

    public static async Task WriteAsync(HttpContext context)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "30";
        context.Response.ContentType = "text/html; charset=utf-8";
        var encode = System.Text.Encodings.Web.HtmlEncoder.Default;
        var kept = new System.Text.StringBuilder();
        if (context.Request.HasFormContentType && context.Request.Form is { } form)
        {
            foreach (var (name, values) in form)
            {
                var value = values.ToString();
                if (name.StartsWith("__", StringComparison.Ordinal) || name == "action" || value.Length == 0 || IsSecret(name))
                {
                    continue;
                }

                kept.Append(System.Globalization.CultureInfo.InvariantCulture, $"<label>{encode.Encode(name)}<textarea readonly rows=\"4\" data-kept-field=\"{encode.Encode(name)}\">{encode.Encode(value)}</textarea></label>");
            }
        }

        await context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>The staff database cannot be reached</title></head><body><main data-database-outage>" +
            "<h1>The staff database cannot be reached just now</h1>" +
            "<p>Nothing was saved, approved or published: the site is as it was, and patients can still read it. Try again in a minute.</p>" +
            (kept.Length > 0 ? $"<p>What you typed is below. Copy it before you leave this page, or go back: your browser keeps the form.</p>{kept}" : string.Empty) +
            "</main></body></html>");
    }
}
