using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>How a workflow action ended, for the page to say in its own words.</summary>
public enum WorkflowOutcome
{
    Done,
    Conflict,
    Forbidden,
    Invalid,
    NotFound,
}
