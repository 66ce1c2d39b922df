namespace HeadacheInfo.Tests.Infrastructure;

/// <summary>Polls for something that happens in the background, with a bound instead of a fixed sleep.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(15);

    public static async Task<T> MatchesAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string description, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? DefaultLimit);
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Gave up waiting: {description}. Last seen: {value}");
            }

            await Task.Delay(50);
        }
    }
}
