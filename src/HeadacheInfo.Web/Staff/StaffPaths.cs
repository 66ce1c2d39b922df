using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff;

/// <summary>The staff area's addresses.</summary>
public static class StaffPaths
{
    public const string Folder = "/Staff";
    public const string Home = "/staff";
    public const string SignIn = "/staff/sign-in";
    public const string SignOut = "/staff/sign-out";
}
