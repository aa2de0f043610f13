namespace NewsPortal.Tests.Infrastructure;

/// <summary>Waits for a condition that another part of the system makes true, failing after a deadline.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail(because ?? "The condition did not come true in time.");
            await Task.Delay(25);
        }
    }
}
