using HeadacheInfo.Web.Caching;
using Microsoft.AspNetCore.Http;

namespace HeadacheInfo.Tests.Caching;

/// <summary>
/// The site's own requests at start are left out of the request log by a token only the process knows: a
/// reader cannot hide a request from the log by sending the header.
/// </summary>
public sealed class StartupWarmUpTests
{
    private static DefaultHttpContext RequestWith(string? token)
    {
        var context = new DefaultHttpContext();
        if (token is not null)
        {
            context.Request.Headers[StartupWarmUp.Header] = token;
        }

        return context;
    }

    [Fact]
    public void A_request_with_this_process_s_token_is_the_site_s_own()
    {
        var warmUp = new StartupWarmUp();

        Assert.True(warmUp.Sent(RequestWith(warmUp.Token)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00000000000000000000000000000000")]
    public void A_request_without_the_token_is_a_reader_s(string? token)
    {
        Assert.False(new StartupWarmUp().Sent(RequestWith(token)));
    }

    [Fact]
    public void Another_process_s_token_is_not_this_one_s()
    {
        Assert.False(new StartupWarmUp().Sent(RequestWith(new StartupWarmUp().Token)));
    }

    [Fact]
    public void Once_the_site_is_warm_even_the_right_token_is_logged_as_a_reader_s()
    {
        var warmUp = new StartupWarmUp();
        var token = warmUp.Token;

        warmUp.Finished();

        Assert.False(warmUp.Sent(RequestWith(token)));
    }
}
