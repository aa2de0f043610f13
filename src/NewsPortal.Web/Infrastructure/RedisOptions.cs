using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace NewsPortal.Web.Infrastructure;

/// <summary>
/// The Redis that several instances share. Empty means one instance: everything stays in its memory.
/// </summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis:6379,password=…</c>.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key the portal writes, so one Redis can serve several sites.</summary>
    [Required, RegularExpression(@"^[A-Za-z0-9:_\-.]+$")]
    public string InstanceName { get; set; } = "newsportal:";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);

    /// <summary>
    /// The configuration as StackExchange.Redis reads it, or null when it cannot be read. Never
    /// echoed back in messages: it may hold a password.
    /// </summary>
    public ConfigurationOptions? Parse()
    {
        if (!IsConfigured) return null;
        try
        {
            var options = ConfigurationOptions.Parse(Configuration!);
            if (options.EndPoints.Count == 0) return null;
            // While Redis is away the portal serves pages uncached (the output cache logs and carries on):
            // it starts anyway and reconnects in the background, and a command fails at once rather than
            // waiting in a queue, so readers get an uncached page rather than a slow one.
            options.AbortOnConnectFail = false;
            options.BacklogPolicy = BacklogPolicy.FailFast;
            return options;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static RedisOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<RedisOptions>() ?? new RedisOptions();
}
