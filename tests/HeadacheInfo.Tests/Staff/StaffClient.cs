using System.Net;
using System.Security.Cryptography;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>A member of staff's browser: HTTPS (the sign-in cookie is Secure), cookies kept, redirects not followed.</summary>
public sealed class StaffClient : IDisposable
{
    private static readonly Uri Site = new("https://localhost");
    private readonly CookieContainer _cookies = new();

    public StaffClient(HeadacheInfoFactory site) =>
        // The same as CreateClient with cookies kept and redirects not followed, but with the cookie jar in
        // reach, so that a test can copy it as a thief would.
        Http = site.CreateDefaultClient(Site, new CookieContainerHandler(_cookies));

    /// <summary>A browser on a site running as its own process, at <paramref name="address"/>.</summary>
    public StaffClient(Uri address) =>
        Http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = address };

    public HttpClient Http { get; }

    /// <summary>The Cookie header this browser sends to the staff area: what a thief who copied it would send.</summary>
    public string CookieHeader => _cookies.GetCookieHeader(new Uri(Site, "/staff"));

    /// <summary>Every request from now on comes from <paramref name="address"/>, as a trusted proxy would say (X-Forwarded-For).</summary>
    public StaffClient From(string address)
    {
        Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
        Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return this;
    }

    public void Dispose() => Http.Dispose();

    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetAsync(string url)
    {
        var response = await Http.GetAsync(new Uri(url, UriKind.Relative));
        return (response, await HeadacheInfoFactory.ReadPageAsync(response));
    }

    /// <summary>Fills the page's form (the one holding <paramref name="button"/>, or the first) and posts it, as a browser would.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, IDictionary<string, string> fields, string? button = null)
    {
        var (_, page) = await GetAsync(url);
        return await SubmitAsync(page, url, fields, button);
    }

    /// <summary>Fills a form of a page already on screen (the one holding <paramref name="button"/>, or the first) and posts it.</summary>
    /// <param name="url">The page's own address, where a form without an action posts.</param>
    /// <param name="files">Files chosen in the form's file inputs, by name; the form is then sent as multipart, as a browser sends it.</param>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, string url, IDictionary<string, string> fields, string? button = null,
        IDictionary<string, (string FileName, byte[] Bytes)>? files = null)
    {
        var forms = page.QuerySelectorAll<IHtmlFormElement>("main form").ToList();
        // The form that has the button pressed, or the fields filled in (not the sign-out form every page has).
        var form = button is not null ? forms.First(f => f.QuerySelector($"button[value='{button}']") is not null)
            : fields.Count > 0 ? forms.First(f => f.QuerySelector($"[name='{fields.Keys.First()}']") is not null)
            : forms.Last(f => f.QuerySelector("input[name=__RequestVerificationToken]") is not null);
        // Everything the form holds, as a browser sends it, then what the person typed over it.
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[name]").Where(i => i.Type is not ("checkbox" or "radio" or "submit"))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
        {
            values[area.Name!] = area.Value;
        }

        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
        {
            values[select.Name!] = select.Value ?? string.Empty;
        }
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        if (button is not null)
        {
            values["action"] = button;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        if (!string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            Assert.True(files is null, "only a multipart form can send a file");
            return await Http.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(values));
        }

        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            multipart.Add(new StringContent(value), name);
        }

        // A file input with nothing chosen is sent empty, with an empty file name, as browsers do.
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[type=file][name]"))
        {
            var (fileName, bytes) = files?.TryGetValue(input.Name!, out var chosen) == true ? chosen : (string.Empty, []);
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            // Set by hand: HttpClient's own overload will not send the empty name of a file input left empty.
            part.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data")
            {
                Name = $"\"{input.Name}\"",
                FileName = $"\"{fileName.Replace("\"", "%22", StringComparison.Ordinal)}\"",
            };
            multipart.Add(part);
        }

        Assert.All(files?.Keys ?? [], name => Assert.NotNull(form.QuerySelector($"input[type=file][name='{name}']")));
        return await Http.PostAsync(new Uri(action, UriKind.Relative), multipart);
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        SubmitAsync(StaffPaths.SignIn, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>The current 6-digit code of an authenticator app holding <paramref name="key"/> (RFC 6238).</summary>
    public static string TotpCode(string key) => TotpCode(key, DateTimeOffset.UtcNow);

    /// <summary>The 6-digit code an authenticator app holding <paramref name="key"/> shows at <paramref name="at"/>.</summary>
    public static string TotpCode(string key, DateTimeOffset at)
    {
        var secret = Base32(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // RFC 6238 authenticator codes are HMAC-SHA1 by definition; this is what the apps compute.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return [.. Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2))];
    }
}

public static class StaffSeeding
{
    public const string Password = "correct horse battery";

    /// <summary>Adds an account straight to the site's own database, as add-staff does.</summary>
    public static async Task AddAsync(HeadacheInfoFactory site, string email, string role, bool oneTimePassword = false)
    {
        // The database is brought up to date beside the site's start; wait for it, as staff requests do.
        await site.Services.GetRequiredService<StaffDatabaseReadiness>().Ready;
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            var added = await StaffAccounts.AddAsync(users, email, email.Split('@')[0], role, oneTimePassword ? null : Password);
            Assert.True(added.Succeeded, string.Join(" ", added.Problems));
        }
    }

    /// <summary>Adds an author or reviewer and signs them in with the password, as a person would.</summary>
    public static async Task<StaffClient> SignedInAsync(HeadacheInfoFactory site, string email, string role)
    {
        await AddAsync(site, email, role);
        var client = new StaffClient(site);
        (await client.SignInAsync(email, Password)).Dispose();
        return client;
    }

    /// <summary>Signs an admin in, setting up their authenticator app the first time, as a person would.</summary>
    public static async Task SignInAsAdminAsync(StaffClient client, string email)
    {
        using var signedIn = await client.SignInAsync(email, Password);
        var location = signedIn.Headers.Location?.ToString() ?? string.Empty;
        if (location.Contains("two-factor", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("use a fresh admin per test: this one already has two-step sign-in");
        }

        var (_, setup) = await client.GetAsync("/staff/authenticator");
        var key = setup.QuerySelector("[data-authenticator-key]")!.TextContent;
        using var turnedOn = await client.SubmitAsync("/staff/authenticator", new Dictionary<string, string> { ["Code"] = StaffClient.TotpCode(key) });
        // Turned on: the page shows the recovery codes, once.
        Assert.Equal(HttpStatusCode.OK, turnedOn.StatusCode);
        Assert.NotNull((await HeadacheInfoFactory.ReadPageAsync(turnedOn)).QuerySelector("[data-recovery-codes]"));
    }
}
