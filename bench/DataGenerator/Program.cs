// Builds a benchmark database: the real migrations, then sections, tags, authors, published
// articles (written through Article.Write, so BodyHtml, Excerpt and Slug are what the newsroom
// would store), confirmed subscribers, and the search index filled by the app's own SearchIndex.
//
//   dotnet run -c Release --project bench/DataGenerator -- <db path> [articles] [subscribers]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsletter;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Search;
using NewsPortal.Core.Text;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: DataGenerator <db path> [articles=50000] [subscribers=100000]");
    return 2;
}
var path = Path.GetFullPath(args[0]);
var articleCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
var subscriberCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);

var clock = Stopwatch.StartNew();
void Step(string what) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F1}s] {what}");

var options = new DbContextOptionsBuilder<NewsDbContext>()
    .UseSqlite($"Data Source={path}", sqlite => sqlite.MigrationsAssembly("NewsPortal.Migrations.Sqlite"))
    .Options;
await using var db = new NewsDbContext(options);
await db.Database.MigrateAsync();
await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
Step("migrated");

var random = new Random(20261125);
// Rendering and sanitising Markdown is the slow part (milliseconds an article): bodies come from a pool
// of distinct texts, each rendered once by the app's renderer; headlines and deks are all different.
var renderer = new CachingRenderer(new MarkdownArticleRenderer());
var bodies = Enumerable.Range(0, 1000).Select(_ => Words.Body(random)).ToArray();
var now = DateTime.UtcNow;

// Sections, tags and authors: few rows, through EF Core and the entities' own rules.
var sections = Words.Sections.Select((s, i) => new Section(s.Name, s.Slug, null, i + 1)).ToList();
db.Sections.AddRange(sections);
var tags = Enumerable.Range(0, 200)
    .Select(i => new Tag($"{Words.Pick(random, Words.Nouns)} {Words.Pick(random, Words.Adjectives)} {i + 1}"))
    .ToList();
db.Tags.AddRange(tags);
var authors = Enumerable.Range(0, 60)
    .Select(i => new Author($"{Words.Pick(random, Words.FirstNames)} {Words.Pick(random, Words.FamilyNames)}", $"author-{i + 1}",
        Words.Sentence(random, 25)))
    .ToList();
db.Authors.AddRange(authors);
await db.SaveChangesAsync();
db.ChangeTracker.Clear();
Step($"{sections.Count} sections, {tags.Count} tags, {authors.Count} authors");

var connection = (SqliteConnection)db.Database.GetDbConnection();
await connection.OpenAsync();

// Articles: spread over the last three years, newest last (ids grow with time as in a real newsroom).
// One more article, the last, stays a draft: the benchmark publishes it and looks for it on the home page.
var total = articleCount + 1;
var span = TimeSpan.FromDays(3 * 365);
const int Chunk = 2000;
for (var start = 1; start <= total; start += Chunk)
{
    await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
    var insert = Command(connection, tx, """
        INSERT INTO Articles (Id, Headline, Dek, Slug, BodyMarkdown, BodyHtml, Excerpt, SectionId, Status,
                              CreatedAt, UpdatedAt, PublishedAt)
        VALUES ($id, $headline, $dek, $slug, $md, $html, $excerpt, $section, $status, $created, $updated, $published)
        """, "$id", "$headline", "$dek", "$slug", "$md", "$html", "$excerpt", "$section", "$status", "$created", "$updated", "$published");
    var tag = Command(connection, tx, "INSERT INTO ArticleTags (ArticleId, TagId) VALUES ($a, $t)", "$a", "$t");
    var byline = Command(connection, tx, "INSERT INTO ArticleAuthors (ArticleId, AuthorId) VALUES ($a, $t)", "$a", "$t");
    for (var id = start; id < Math.Min(start + Chunk, total + 1); id++)
    {
        var isDraft = id == total;
        var section = sections[random.Next(sections.Count)];
        var headline = isDraft ? $"خبر قياس الأداء {Guid.NewGuid():N}"[..40] : Words.Headline(random);
        var article = new Article(headline, section, now);
        article.Write(headline, Words.Sentence(random, random.Next(15, 30)), bodies[random.Next(bodies.Length)], renderer, now);
        var published = now - span * ((double)(total - id) / total) - TimeSpan.FromMinutes(5);
        if (!isDraft) article.RecordPublication(published, null);

        Set(insert, id, article.Headline, article.Dek, article.Slug, article.BodyMarkdown, article.BodyHtml, article.Excerpt,
            article.SectionId, (int)article.Status, Db(article.CreatedAt), Db(article.UpdatedAt),
            article.PublishedAt is { } p ? Db(p) : null);
        await insert.ExecuteNonQueryAsync();
        foreach (var t in Enumerable.Range(0, 3).Select(_ => tags[random.Next(tags.Count)].Id).Distinct())
        {
            Set(tag, id, t);
            await tag.ExecuteNonQueryAsync();
        }
        foreach (var a in Enumerable.Range(0, random.Next(10) == 0 ? 2 : 1).Select(_ => authors[random.Next(authors.Count)].Id).Distinct())
        {
            Set(byline, id, a);
            await byline.ExecuteNonQueryAsync();
        }
    }
    await tx.CommitAsync();
}
Step($"{articleCount} published articles and 1 draft (id {total})");

// Subscribers: confirmed through the entity, so the token and dates are the app's own.
for (var start = 1; start <= subscriberCount; start += 10_000)
{
    await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
    var insert = Command(connection, tx, """
        INSERT INTO Subscribers (Email, Status, UnsubscribeToken, RequestedAt, SourcePage, WordingVersion, ConfirmedAt, ConfirmationSentAt)
        VALUES ($email, $status, $token, $requested, $source, $wording, $confirmed, $sent)
        """, "$email", "$status", "$token", "$requested", "$source", "$wording", "$confirmed", "$sent");
    for (var i = start; i < Math.Min(start + 10_000, subscriberCount + 1); i++)
    {
        SubscriberEmail.TryParse($"reader{i}@example.com", out var email, out _);
        var requested = now - TimeSpan.FromMinutes(i);
        var subscriber = new Subscriber(email!, "/", "1", requested);
        subscriber.RecordConfirmationSent(requested);
        subscriber.Confirm(subscriber.RequestedAt, requested + TimeSpan.FromMinutes(1));
        Set(insert, subscriber.Email, (int)subscriber.Status, subscriber.UnsubscribeToken, Db(subscriber.RequestedAt),
            subscriber.SourcePage, subscriber.WordingVersion, Db(subscriber.ConfirmedAt!.Value), Db(subscriber.ConfirmationSentAt!.Value));
        await insert.ExecuteNonQueryAsync();
    }
    await tx.CommitAsync();
}
Step($"{subscriberCount} confirmed subscribers");

// The search index, through the app's own code (same folding, same stamps), so the start-up
// catch-up finds nothing to do.
var indexed = await new SearchIndex(db, renderer).RebuildAsync();
Step($"search index: {indexed} articles");

await db.Database.ExecuteSqlRawAsync("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
Step("done");
Console.WriteLine($"draft-id {total}");
return 0;

// EF Core's SQLite provider stores DateTime as this text; the same form keeps comparisons right.
static string Db(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] names)
{
    var command = connection.CreateCommand();
    command.Transaction = tx;
    command.CommandText = sql;
    foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name });
    return command;
}

static void Set(SqliteCommand command, params object?[] values)
{
    for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
}

sealed class CachingRenderer(IArticleRenderer inner) : IArticleRenderer
{
    private readonly Dictionary<string, string> _html = [];
    private readonly Dictionary<string, string> _text = [];

    public string ToSafeHtml(string markdown) =>
        _html.TryGetValue(markdown, out var html) ? html : _html[markdown] = inner.ToSafeHtml(markdown);

    public string ToPlainText(string markdown) =>
        _text.TryGetValue(markdown, out var text) ? text : _text[markdown] = inner.ToPlainText(markdown);
}

static class Words
{
    public static readonly (string Name, string Slug)[] Sections =
    [
        ("سياسة", "politics"), ("اقتصاد", "economy"), ("تكنولوجيا", "technology"), ("رياضة", "sports"),
        ("ثقافة", "culture"), ("صحة", "health"), ("محليات", "local"), ("دولي", "world"),
    ];

    public static readonly string[] Nouns =
    [
        "الحكومة", "البرلمان", "المدينة", "الوزارة", "المياه", "الطاقة", "الشباب", "المدارس", "الجامعة", "المستشفى",
        "السوق", "الأسعار", "الاستثمار", "التجارة", "الميناء", "المطار", "الطريق", "القطار", "الكهرباء", "الزراعة",
        "المنتخب", "الدوري", "الملعب", "المهرجان", "المكتبة", "المسرح", "السينما", "التراث", "اللقاح", "التغذية",
        "الشركة", "المنصة", "البيانات", "الأمن", "الذكاء", "الشبكة", "المناخ", "الأمطار", "الصحراء", "البحر",
        "المجلس", "البلدية", "الميزانية", "الضرائب", "العملة", "البنك", "القطاع", "المشروع", "الخطة", "الاتفاقية",
    ];

    public static readonly string[] Adjectives =
    [
        "الجديد", "الجديدة", "الوطني", "الوطنية", "المحلي", "المحلية", "الرقمي", "الرقمية", "الكبير", "الكبرى",
        "العام", "العامة", "الإقليمي", "الإقليمية", "الدولي", "الدولية", "السنوي", "السنوية", "الأول", "الأولى",
        "المستدام", "المستدامة", "الصغير", "الصغيرة", "الحديث", "الحديثة",
    ];

    public static readonly string[] Verbs =
    [
        "تعلن", "تناقش", "يطلق", "تفتتح", "يقر", "تبحث", "يستعرض", "تدرس", "يوقع", "تعتمد", "يحذر", "ترحب",
        "يشهد", "تسجل", "يرتفع", "تنخفض", "يتصدر", "تستضيف", "يناقش", "تطور", "يدعم", "تواصل",
    ];

    public static readonly string[] Fillers =
    [
        "في", "من", "على", "إلى", "مع", "بعد", "قبل", "خلال", "حول", "بين", "وقال", "وأضاف", "وأكد", "أن", "هذا",
        "هذه", "التي", "الذي", "كما", "أيضا", "عبر", "نحو", "لدى", "منذ", "حتى", "عام", "اليوم", "الأسبوع", "المقبل",
        "مسؤولون", "مواطنون", "خبراء", "تقرير", "بيان", "مؤتمر", "اجتماع", "دراسة", "نتائج", "أرقام", "مئات", "آلاف",
    ];

    public static readonly string[] FirstNames = ["رانيا", "أحمد", "ليلى", "يوسف", "سارة", "خالد", "منى", "عمر", "هدى", "طارق", "نور", "سامي"];
    public static readonly string[] FamilyNames = ["المنصور", "الحسيني", "العلي", "الخطيب", "الشامي", "النجار", "القاسم", "الحداد", "البنا", "الصالح"];

    public static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    /// <summary>
    /// A long tail of Arabic-looking words (three-letter roots in common patterns), the low ranks far
    /// more frequent than the high ones, so that search terms range from everywhere to rare.
    /// </summary>
    private static readonly string[] Lexicon = MakeLexicon();

    private static string[] MakeLexicon()
    {
        const string letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي";
        string[] patterns = ["ال{0}{1}ا{2}", "م{0}{1}و{2}", "ت{0}{1}ي{2}", "{0}ا{1}{2}ة", "ال{0}{1}{2}ي", "م{0}ا{1}{2}"];
        var random = new Random(7);
        var words = new HashSet<string>();
        while (words.Count < 20_000)
        {
            var (a, b, c) = (letters[random.Next(letters.Length)], letters[random.Next(letters.Length)], letters[random.Next(letters.Length)]);
            words.Add(string.Format(CultureInfo.InvariantCulture, patterns[random.Next(patterns.Length)], a, b, c));
        }
        return [.. words];
    }

    public static string Rare(Random random) => Lexicon[(int)(Lexicon.Length * Math.Pow(random.NextDouble(), 3))];

    public static string Headline(Random random) =>
        $"{Pick(random, Verbs)} {Pick(random, Nouns)} {Pick(random, Adjectives)} {Pick(random, Fillers)} {Pick(random, Nouns)} {Pick(random, Adjectives)}";

    public static string Sentence(Random random, int words)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            if (i > 0) sb.Append(' ');
            sb.Append((i % 4) switch
            {
                0 => Pick(random, Fillers),
                1 => random.Next(2) == 0 ? Pick(random, Nouns) : Rare(random),
                2 => random.Next(2) == 0 ? Pick(random, Adjectives) : Rare(random),
                _ => random.Next(3) == 0 ? Pick(random, Verbs) : Pick(random, Fillers),
            });
        }
        return sb.Append('.').ToString();
    }

    /// <summary>About 400 words in five to seven paragraphs, with a subheading and some emphasis.</summary>
    public static string Body(Random random)
    {
        var sb = new StringBuilder();
        var paragraphs = random.Next(5, 8);
        for (var p = 0; p < paragraphs; p++)
        {
            if (p == 3) sb.Append("## ").Append(Pick(random, Nouns)).Append(' ').Append(Pick(random, Adjectives)).Append("\n\n");
            for (var s = random.Next(3, 5); s > 0; s--) sb.Append(Sentence(random, random.Next(12, 22))).Append(' ');
            if (p == 1) sb.Append("**").Append(Pick(random, Nouns)).Append(' ').Append(Pick(random, Adjectives)).Append("**.");
            sb.Append("\n\n");
        }
        return sb.ToString().TrimEnd() + "\n";
    }
}
