using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Tests.Admin;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Scaling;

/// <summary>
/// Two portal instances behind one load balancer, as in production: one database (the first
/// instance's; the second is given the same), one Redis of their own, every background service
/// running in both. Nothing here knows which database provider the portals use.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public TestRedisServer Redis { get; private set; } = null!;

    public Instance A { get; private set; } = null!;

    public Instance B { get; private set; } = null!;

    public MeetingPoint MeetingPoint { get; } = new();

    public async Task InitializeAsync()
    {
        Redis = await TestRedisServer.StartAsync();
        A = new Instance(Redis.Configuration, MeetingPoint);
        await A.InitializeAsync();
        B = new Instance(Redis.Configuration, MeetingPoint, A.DatabasePath);
        _ = B.Services;
    }

    public async Task DisposeAsync()
    {
        // B first: A owns the database and removes it.
        B?.Dispose();
        A?.Dispose();
        if (Redis is not null) await Redis.DisposeAsync();
    }

    public sealed class Instance : AdminPortal
    {
        private readonly string _redis;
        private readonly MeetingPoint _meetingPoint;

        public Instance(string redis, MeetingPoint meetingPoint)
        {
            _redis = redis;
            _meetingPoint = meetingPoint;
        }

        public Instance(string redis, MeetingPoint meetingPoint, string databasePath) : base(databasePath)
        {
            _redis = redis;
            _meetingPoint = meetingPoint;
        }

        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["Redis:Configuration"] = _redis;
                return settings;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(_meetingPoint));
        }
    }
}

/// <summary>
/// Makes two flows of work meet before either writes: each joined flow is held at the start of its
/// first database transaction until the other has got there too. So both instances have read the
/// schedule and neither has changed it, the moment at which a check-then-write would go wrong.
/// </summary>
public sealed class MeetingPoint : DbTransactionInterceptor
{
    private static readonly AsyncLocal<StrongBox<bool>?> Waiting = new();

    private int _arrived;
    private readonly TaskCompletionSource _everyone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The calling flow (and what it awaits) stops at its next transaction until the other arrives.</summary>
    public static void Join() => Waiting.Value = new StrongBox<bool>(true);

    public override async ValueTask<InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(
        System.Data.Common.DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Waiting.Value is { Value: true } waiting)
        {
            waiting.Value = false;
            if (Interlocked.Increment(ref _arrived) == 2) _everyone.TrySetResult();
            await _everyone.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        return result;
    }
}
