using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Newsletter;

public static class NewsletterSignUps
{
    /// <summary>
    /// Records a sign-up: a new pending subscriber, or a fresh request for an address already known.
    /// The caller answers the same either way, so the form never tells who is subscribed.
    /// </summary>
    public static async Task SignUpAsync(this NewsDbContext db, SubscriberEmail email, string sourcePage, string wordingVersion, DateTime nowUtc, CancellationToken ct = default)
    {
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.Email == email.Value, ct);
        if (subscriber is null)
        {
            db.Subscribers.Add(new Subscriber(email, sourcePage, wordingVersion, nowUtc));
        }
        else
        {
            subscriber.RequestAgain(sourcePage, wordingVersion, nowUtc);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same address arrived twice at once; the unique index kept one, which is all that was wanted.
            db.ChangeTracker.Clear();
        }
    }
}
