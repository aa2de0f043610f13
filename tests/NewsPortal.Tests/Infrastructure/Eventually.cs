namespace NewsPortal.Tests.Infrastructure;

/// <summary>Waits for a condition that another part of the system makes true, failing after a deadline.</summary>
public static class Eventually
{
    public static Task HoldsAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? because = null) =>
        HoldsAsync(condition, timeout ?? TimeSpan.FromSeconds(15), () => because ?? "The condition did not come true in time.");

    /// <summary>As above, with a failure message made when it fails, so it can tell the state things were left in.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail(because());
            await Task.Delay(25);
        }
    }
}
