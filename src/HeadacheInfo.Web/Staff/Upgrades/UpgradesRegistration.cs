namespace HeadacheInfo.Web.Staff.Upgrades;

public static class UpgradesRegistration
{
    /// <summary>A new release's articles offered for review at start, never published by themselves.</summary>
    public static IServiceCollection AddReleaseOffers(this IServiceCollection services)
    {
        services.AddSingleton<ReleaseOffers>();
        services.AddHostedService<ReleaseOfferer>();
        return services;
    }
}
