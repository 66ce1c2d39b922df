namespace HeadacheInfo.Web.Feedback;

public static class FeedbackRegistration
{
    /// <summary>"Was this page helpful?": answers kept in the staff database, and their follow-up by staff.</summary>
    public static WebApplicationBuilder AddFeedback(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PageFeedback>();
        builder.Services.AddScoped<FeedbackFollowUp>();
        return builder;
    }
}
