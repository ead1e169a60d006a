using System.Globalization;
using BulkInvite.Core.Importing;
using Microsoft.Extensions.Options;

namespace BulkInvite.Server.Hosting;

/// <summary>
/// Settings sections bound as options and validated when the server starts (ValidateOnStart), each
/// failure naming the key to fix; <see cref="StartupFailures"/> prints them in one line.
/// </summary>
public static class SettingsValidation
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/>, checks it with <paramref name="problems"/>
    /// (every problem found, none when valid) at start, and registers the bound value itself for the
    /// classes that take it.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedSettings<T>(this IServiceCollection services, string section, Func<T, IEnumerable<string>> problems)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(problems);
        services.AddSingleton<IValidateOptions<T>>(new ProblemValidator<T>(problems));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>What is wrong with the "BulkInvite" section: every limit, lifetime and interval must be positive.</summary>
    public static IEnumerable<string> Problems(BulkInviteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var positive = new (string Key, double Value)[]
        {
            (nameof(options.MaxUploadBytes), options.MaxUploadBytes),
            (nameof(options.MaxRows), options.MaxRows),
            (nameof(options.MaxCsvRecordBytes), options.MaxCsvRecordBytes),
            (nameof(options.MaxCsvFieldBytes), options.MaxCsvFieldBytes),
            (nameof(options.MaxInflatedBytes), options.MaxInflatedBytes ?? 1),
            (nameof(options.MaxCompressionRatio), options.MaxCompressionRatio),
            (nameof(options.MaxZipEntries), options.MaxZipEntries),
            (nameof(options.MaxSharedStringsBytes), options.MaxSharedStringsBytes),
            (nameof(options.MaxSheetCells), options.MaxSheetCells),
            (nameof(options.MaxConcurrentUploadsPerOrganization), options.MaxConcurrentUploadsPerOrganization),
            (nameof(options.InvitationLifetime), options.InvitationLifetime.TotalSeconds),
            (nameof(options.UploadIdleTimeout), options.UploadIdleTimeout.TotalSeconds),
            (nameof(options.ImportRetention), options.ImportRetention.TotalSeconds),
            (nameof(options.RetentionSweepInterval), options.RetentionSweepInterval.TotalSeconds),
        };
        return positive.Where(p => p.Value <= 0)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{BulkInviteOptions.SectionName}:{p.Key} must be positive."));
    }

    private sealed class ProblemValidator<T>(Func<T, IEnumerable<string>> problems) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var found = problems(options).ToList();
            return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
        }
    }
}
