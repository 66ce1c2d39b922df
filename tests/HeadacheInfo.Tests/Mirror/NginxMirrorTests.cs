using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Mirror;

/// <summary>
/// Real nginx, configured by deploy/nginx-config.sh with a self-signed certificate, in front of the real site with a
/// static mirror: readers get the same pages and headers from nginx as from the site, every article even while the
/// site is stopped, and everything the mirror cannot answer reaches the site.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class NginxMirrorTests(NginxMirrorTests.NginxAndSite nginx) : IClassFixture<NginxMirrorTests.NginxAndSite>
{
    private const string Host = "headacheinfo.test";

    public static readonly string[] Articles = ["neck-pain", "exercise", "when-to-get-help"];

    public sealed class NginxAndSite : IAsyncLifetime
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "headacheinfo-nginx-" + Guid.NewGuid().ToString("N"));
        private readonly int _port = PostgresCluster.FreePort();
        private NginxServer? _nginx;

        public SiteProcess Site { get; private set; } = null!;

        public string Mirror => Path.Combine(_root, "mirror");

        public X509Certificate2 Certificate { get; private set; } = null!;

        public Uri Address => new($"https://{Host}:{_port}");

        public async Task InitializeAsync()
        {
            if (NginxServer.SkipReason is not null)
            {
                return;
            }

            Directory.CreateDirectory(_root);
            File.SetUnixFileMode(_root, (UnixFileMode)0b111_101_101);
            var content = Path.Combine(_root, "content");
            Directory.CreateDirectory(Path.Combine(content, "articles"));
            Directory.CreateDirectory(Path.Combine(content, "images"));
            foreach (var (slug, title, category) in new[] { (Articles[0], "Neck pain", "signs"), (Articles[1], "Exercise", "treatment"), (Articles[2], "When to get help", "signs") })
            {
                await File.WriteAllTextAsync(Path.Combine(content, "articles", slug + ".md"), ArticleText.SignedOff(slug, ArticleText.Valid(title, category)));
            }

            await File.WriteAllTextAsync(Path.Combine(content, "images", "neck-diagram.svg"),
                "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><circle cx='5' cy='5' r='4'/></svg>");

            var cert = Path.Combine(_root, "cert.pem");
            var key = Path.Combine(_root, "key.pem");
            var (made, _, said) = await Deploy.RunAsync("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-days", "2", "-subj", $"/CN={Host}", "-addext", $"subjectAltName=DNS:{Host}", "-keyout", key, "-out", cert);
            Assert.True(made == 0, said);
            Certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(cert));

            var sitePort = PostgresCluster.FreePort();
            Site = new SiteProcess("site", sitePort, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Content:Path"] = content,
                ["Data:Path"] = Path.Combine(_root, "data"),
                ["DataProtection:KeysPath"] = Path.Combine(_root, "keys"),
                ["Site:BaseUrl"] = Address.ToString().TrimEnd('/'),
                ["Site:StaticMirrorPath"] = Mirror,
                ["Serilog:MinimumLevel:Default"] = "Warning",
            });
            Site.Start();
            await HealthyAsync();
            await Eventually.MatchesAsync(() => Task.FromResult(Articles.All(a => File.Exists(Path.Combine(Mirror, "articles", a, "index.html")))),
                all => all, "every article in the mirror", TimeSpan.FromSeconds(60));

            var config = await Deploy.NginxConfigAsync(Mirror, Site.Address.ToString(), $"127.0.0.1:{_port}", cert, key);
            _nginx = await NginxServer.StartAsync(Path.Combine(_root, "nginx"), config, _port);
        }

        public async Task HealthyAsync()
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            await Eventually.MatchesAsync(async () =>
            {
                try
                {
                    // The site answers only the host of its own address (Site:BaseUrl), as nginx asks it.
                    using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Site.Address, "/healthz"));
                    request.Headers.Host = Address.Authority;
                    using var response = await client.SendAsync(request);
                    return response.StatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet, or still warming up (/healthz waits for it): ask again.
                    return HttpStatusCode.ServiceUnavailable;
                }
            }, status => status == HttpStatusCode.OK, $"the site to be healthy. Its output: {Site.Output}", TimeSpan.FromSeconds(90));
        }

        /// <summary>A browser of nginx: it reaches headacheinfo.test on loopback and trusts only this test's certificate.</summary>
        public HttpClient Browser(CookieContainer? cookies = null)
        {
            var handler = new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                CookieContainer = cookies ?? new CookieContainer(),
                ConnectCallback = async (_, cancellationToken) =>
                {
                    var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                    await socket.ConnectAsync(IPAddress.Loopback, _port, cancellationToken);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                },
            };
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetCertHashString() == Certificate.GetCertHashString();
            return new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(15) };
        }

        /// <summary>The site asked directly, as nginx would ask it for an HTTPS reader.</summary>
        public async Task<HttpResponseMessage> FromTheSiteAsync(string path)
        {
            using var client = new HttpClient { BaseAddress = Site.Address, Timeout = TimeSpan.FromSeconds(15) };
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = Address.Authority;
            request.Headers.Add("X-Forwarded-Proto", "https");
            return await client.SendAsync(request);
        }

        public async Task DisposeAsync()
        {
            if (_nginx is not null)
            {
                await _nginx.DisposeAsync();
            }

            if (Site is not null)
            {
                await Site.DisposeAsync();
            }

            Certificate?.Dispose();
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temporary-folder cleaning.
            }
        }
    }

    private static readonly string[] SecurityHeaders =
    [
        "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy",
        "Permissions-Policy", "Strict-Transport-Security",
    ];

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    [NginxFact]
    public async Task A_page_from_nginx_has_the_same_body_and_headers_as_from_the_site()
    {
        using var browser = nginx.Browser();
        foreach (var path in new[] { "/", "/articles", $"/articles/{Articles[0]}", "/sitemap.xml", "/robots.txt" })
        {
            using var fromNginx = await browser.GetAsync(new Uri(path, UriKind.Relative));
            using var fromSite = await nginx.FromTheSiteAsync(path);

            Assert.Equal(HttpStatusCode.OK, fromNginx.StatusCode);
            Assert.Equal(await fromSite.Content.ReadAsStringAsync(), await fromNginx.Content.ReadAsStringAsync());
            Assert.All(SecurityHeaders, name => Assert.Equal(Header(fromSite, name) ?? $"(site sends no {name})", Header(fromNginx, name)));
            Assert.Equal(Header(fromSite, "Content-Type"), Header(fromNginx, "Content-Type"));
            Assert.Equal(Header(fromSite, "Cache-Control"), Header(fromNginx, "Cache-Control"));
        }
    }

    [NginxFact]
    public async Task A_reader_who_takes_gzip_gets_the_same_page_compressed_from_the_gz_beside_it()
    {
        using var browser = nginx.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/articles/{Articles[1]}");
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        using var compressed = await browser.SendAsync(request);
        using var plain = await browser.GetAsync(new Uri($"/articles/{Articles[1]}", UriKind.Relative));

        Assert.Equal(["gzip"], compressed.Content.Headers.ContentEncoding);
        await using var gzip = new System.IO.Compression.GZipStream(await compressed.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        Assert.Equal(await plain.Content.ReadAsStringAsync(), await reader.ReadToEndAsync());
    }

    [NginxFact]
    public async Task Forms_search_the_symptom_check_staff_and_health_go_to_the_site()
    {
        var cookies = new CookieContainer();
        using var browser = nginx.Browser(cookies);

        var form = await browser.GetStringAsync(new Uri("/symptom-check", UriKind.Relative));
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var posted = await browser.PostAsync(new Uri("/symptom-check", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("signs", "one-side"), new("signs", "starts-in-neck")]));
        var search = await browser.GetStringAsync(new Uri("/search?q=exercise", UriKind.Relative));
        using var signIn = await browser.GetAsync(new Uri("/staff/sign-in", UriKind.Relative));
        using var health = await browser.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.NotEmpty(token);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Matches("data-outcome=\"[a-z]+\"", await posted.Content.ReadAsStringAsync());
        Assert.Contains($"/articles/{Articles[1]}", search, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("name=\"Password\"", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(signIn.Headers.CacheControl?.NoStore, "the staff page comes from the site, never stored");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(nginx.Mirror, "staff*"));
    }

    [NginxFact]
    public async Task With_the_site_stopped_nginx_still_answers_every_article()
    {
        await nginx.Site.StopAsync();
        try
        {
            using var browser = nginx.Browser();
            foreach (var path in Articles.Select(a => $"/articles/{a}").Concat(["/", "/articles", "/sitemap.xml", "/images/neck-diagram.svg"]))
            {
                using var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode} with the site stopped");
            }

            using var staff = await browser.GetAsync(new Uri("/staff/sign-in", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadGateway, staff.StatusCode);
        }
        finally
        {
            nginx.Site.Start();
            await nginx.HealthyAsync();
        }
    }
}
