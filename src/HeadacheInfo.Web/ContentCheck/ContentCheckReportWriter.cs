using System.Globalization;

namespace HeadacheInfo.Web.ContentCheck;

/// <summary>Writes a <see cref="ContentCheckReport"/> for a person to read, file by file.</summary>
public static class ContentCheckReportWriter
{
    public static void Write(ContentCheckReport report, TextWriter output)
    {
        output.WriteLine($"Checking the content in {report.ContentRoot}");
        output.WriteLine();
        foreach (var file in report.Files)
        {
            output.WriteLine(Heading(file));
            WriteFindings(file.Findings, output);
        }

        if (!report.ContentFindings.IsEmpty)
        {
            output.WriteLine("The articles together:");
            WriteFindings(report.ContentFindings, output);
        }

        output.WriteLine();
        output.WriteLine(
            $"Checked {Count(report.Files.Length, "file")}: {Count(report.Errors, "error")}, {Count(report.Warnings, "warning")}.");
    }

    private static void WriteFindings(IEnumerable<CheckFinding> findings, TextWriter output)
    {
        foreach (var finding in findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Line ?? 0))
        {
            var severity = finding.Severity == FindingSeverity.Error ? "error  " : "warning";
            var line = finding.Line is { } number ? $"line {number}: " : string.Empty;
            output.WriteLine($"  {severity} {line}{finding.Message}");
        }
    }

    private static string Heading(FileCheck file)
    {
        var status = file.Errors > 0 ? "NOT PUBLISHABLE" : file.Warnings > 0 ? "ok, with warnings" : "ok";
        return file.Grade is { } grade
            ? string.Create(CultureInfo.InvariantCulture, $"{file.File}: {status} (reading grade {grade.Grade:0.0}, {grade.Words} words)")
            : $"{file.File}: {status}";
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
