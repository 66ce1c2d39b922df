using HeadacheInfo.Web.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// The page a staff form gets while the database is away shows back what was typed, so no words are lost, but
/// never a secret: a password or a sign-in code typed into a form is not written into a page.
/// </summary>
public sealed class DatabaseOutagePageTests
{
    private static async Task<string> PageForAsync(Dictionary<string, StringValues> fields)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Form = new FormCollection(fields);
        using var body = new MemoryStream();
        context.Response.Body = body;
        await DatabaseOutagePage.WriteAsync(context);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        return System.Text.Encoding.UTF8.GetString(body.ToArray());
    }

    [Fact]
    public async Task Words_typed_into_a_form_are_shown_back_but_passwords_and_codes_never_are()
    {
        var page = await PageForAsync(new()
        {
            ["Comment"] = "My careful comment, kept.",
            ["Email"] = "someone@clinic.example",
            ["Password"] = "correct horse battery staple",
            ["CurrentPassword"] = "old secret passphrase",
            ["NewPassword"] = "new secret passphrase",
            ["Code"] = "123456",
            ["__RequestVerificationToken"] = "token-value",
        });

        Assert.Contains("My careful comment, kept.", page, StringComparison.Ordinal);
        Assert.Contains("someone@clinic.example", page, StringComparison.Ordinal);
        Assert.DoesNotContain("correct horse battery staple", page, StringComparison.Ordinal);
        Assert.DoesNotContain("old secret passphrase", page, StringComparison.Ordinal);
        Assert.DoesNotContain("new secret passphrase", page, StringComparison.Ordinal);
        Assert.DoesNotContain("123456", page, StringComparison.Ordinal);
        Assert.DoesNotContain("token-value", page, StringComparison.Ordinal);
    }
}
