namespace HeadacheInfo.Web.Staff.Database;

/// <summary>The database cannot be reached or migrated: the site stops at start with this message, naming the key.</summary>
public sealed class StaffDatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);
