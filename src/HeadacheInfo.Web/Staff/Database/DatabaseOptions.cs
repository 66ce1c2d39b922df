using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Database;

/// <summary>The <c>Database</c> section: which database the staff area uses.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary><c>Sqlite</c> (default: a file in <c>Data:Path</c>) or <c>Postgres</c> (<c>ConnectionStrings:Staff</c>).</summary>
    public string Provider { get; set; } = Sqlite;
}

/// <summary>Stops the app at start, naming the key, when the database settings cannot work.</summary>
internal sealed class DatabaseOptionsValidator(IConfiguration configuration) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (string.Equals(options.Provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Success;
        }

        if (!string.Equals(options.Provider, DatabaseOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail(
                $"Database:Provider must be '{DatabaseOptions.Sqlite}' or '{DatabaseOptions.Postgres}', not '{options.Provider}'.");
        }

        return string.IsNullOrWhiteSpace(configuration.GetConnectionString(StaffDatabase.ConnectionStringName))
            ? ValidateOptionsResult.Fail(
                "ConnectionStrings:Staff must be set when Database:Provider is Postgres, such as " +
                "'Host=db.example;Database=headacheinfo;Username=headacheinfo;Password=...' (environment variable ConnectionStrings__Staff).")
            : ValidateOptionsResult.Success;
    }
}
