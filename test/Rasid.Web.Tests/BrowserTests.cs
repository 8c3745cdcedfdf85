using Microsoft.AspNetCore.Builder;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Rasid.Search;
using Rasid.Testing;
using Rasid.Testing.Fixtures;
using Rasid.Web;

namespace Rasid.Web.Tests;

/// <summary>
/// The real server (Kestrel on a free loopback port) with a catalog of fixture articles, and a real headless
/// Chromium driven by the system chromedriver. RASID_CHROMIUM / RASID_CHROMEDRIVER override the paths.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly string Chromium = Environment.GetEnvironmentVariable("RASID_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
    public static readonly string ChromeDriver = Environment.GetEnvironmentVariable("RASID_CHROMEDRIVER") is { Length: > 0 } d ? d : "/usr/bin/chromedriver";

    private WebApplication? _app;
    private string? _profile;

    public string BaseUrl { get; private set; } = "";

    public IWebDriver? Driver { get; private set; }

    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium) || !File.Exists(ChromeDriver))
        {
            SkipReason = $"headless Chromium is not installed ({Chromium}, {ChromeDriver}); CI installs it via .ci/services.sh";
            return;
        }

        var catalog = new InMemoryCatalog();
        foreach (var doc in FixtureCorpus.Build()) catalog.Put(doc);
        _app = RasidWebApp.Build(RasidWebApp.CreateBuilder([], new RasidWebOptions { Port = 0 }, _ => catalog));
        await _app.StartAsync();
        BaseUrl = RasidWebApp.ListeningAddress(_app)!.TrimEnd('/');

        Environment.SetEnvironmentVariable("SE_OFFLINE", "true"); // never let Selenium Manager download anything
        _profile = Path.Combine(Path.GetTempPath(), "rasid-chromium-" + Guid.NewGuid().ToString("N"));
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900", "--lang=ar", $"--user-data-dir={_profile}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
    }

    public async Task DisposeAsync()
    {
        Driver?.Quit();
        Driver?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_profile is not null && Directory.Exists(_profile))
        {
            try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private IWebDriver Open(string path)
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var driver = fixture.Driver!;
        driver.Navigate().GoToUrl(fixture.BaseUrl + path);
        return driver;
    }

    private static IWebElement WaitFor(IWebDriver driver, By by) =>
        new WebDriverWait(driver, TimeSpan.FromSeconds(15)).Until(d => d.FindElements(by).FirstOrDefault(e => e.Displayed));

    /// <summary>With RASID_SCREENSHOTS=1, saves the page to docs/screenshots/NAME.png.</summary>
    private static void Screenshot(IWebDriver driver, string name)
    {
        if (Environment.GetEnvironmentVariable("RASID_SCREENSHOTS") != "1") return;
        var dir = RepoPaths.InRepo("docs", "screenshots");
        Directory.CreateDirectory(dir);
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(dir, name + ".png"));
    }

    private static object? Script(IWebDriver driver, string script) => ((IJavaScriptExecutor)driver).ExecuteScript(script);

    [SkippableFact]
    public void Searching_a_word_with_another_hamza_form_highlights_the_right_result()
    {
        var driver = Open("/index.html?q=" + Uri.EscapeDataString("الاسعار") + "&kind=document");
        var hit = WaitFor(driver, By.CssSelector(".hit"));
        Assert.Equal(FixtureCorpus.EgyptId, hit.GetAttribute("data-key"));
        Assert.Contains(hit.FindElements(By.CssSelector(".snippet mark")), m => m.Text == "الأسعار");
        Assert.Equal("rtl", Script(driver, "return getComputedStyle(document.body).direction"));
        Assert.Single(driver.FindElements(By.CssSelector(".hit")));
        driver.Navigate().GoToUrl(fixture.BaseUrl + "/index.html?q=" + Uri.EscapeDataString("الأمم المتحدة"));
        WaitFor(driver, By.CssSelector(".facets li"));
        Screenshot(driver, "search");
    }

    [SkippableFact]
    public void The_document_page_shows_entities_quotes_and_events_inline_with_details_on_hover()
    {
        var driver = Open("/document.html?id=" + FixtureCorpus.SyriaId);
        var org = WaitFor(driver, By.CssSelector(".story .ent-ORG"));
        Assert.Equal("الرئاسة السورية", org.Text);
        Assert.Contains("SYRGOV", org.GetAttribute("title"), StringComparison.Ordinal);
        var quote = driver.FindElements(By.CssSelector(".story .quote"));
        Assert.Equal("القرار الروسي يغير موازين القوى", string.Concat(quote.Select(q => q.Text)));
        var events = driver.FindElements(By.CssSelector(".story .event")).Select(e => e.Text).ToList();
        Assert.Equal(["طلبت", "شنت"], events);
        Assert.Contains("REQUEST", driver.FindElements(By.CssSelector(".story .event"))[0].GetAttribute("title"), StringComparison.Ordinal);
        Assert.Equal(5, driver.FindElements(By.CssSelector("#entities tbody tr")).Count);
        Assert.Single(driver.FindElements(By.CssSelector("#quotes tbody tr")));
        Assert.Equal(2, driver.FindElements(By.CssSelector("#events tbody tr")).Count);
        // The story text is shown exactly as stored.
        var story = driver.FindElement(By.CssSelector(".story")).GetAttribute("textContent");
        Assert.StartsWith("طلبت الرئاسة السورية من روسيا", story, StringComparison.Ordinal);
        Screenshot(driver, "document");
    }

    [SkippableFact]
    public void The_events_page_filters_by_type_and_draws_the_timeline_and_the_map()
    {
        var driver = Open("/events.html");
        WaitFor(driver, By.CssSelector("#events tbody tr"));
        Assert.Equal(6, driver.FindElements(By.CssSelector("#events tbody tr")).Count);
        new WebDriverWait(driver, TimeSpan.FromSeconds(15)).Until(d => d.FindElements(By.CssSelector("#type option")).Count > 1);
        driver.FindElement(By.CssSelector("#type option[value=PROTEST]")).Click();
        driver.FindElement(By.Id("apply")).Click();
        new WebDriverWait(driver, TimeSpan.FromSeconds(15)).Until(d => d.FindElements(By.CssSelector("#events tbody tr")).Count == 1);
        Assert.Equal("PROTEST", driver.FindElement(By.CssSelector("#events tbody tr")).GetAttribute("data-type"));
        WaitFor(driver, By.CssSelector("#timeline .uplot canvas"));
        new WebDriverWait(driver, TimeSpan.FromSeconds(15)).Until(d => d.FindElements(By.CssSelector("#map path.leaflet-interactive")).Count > 100); // countries + event circles
        Screenshot(driver, "events");
    }

    [SkippableFact]
    public void Text_pasted_into_the_analyze_box_is_analysed_live()
    {
        var driver = Open("/analyze.html");
        var input = WaitFor(driver, By.Id("input"));
        input.SendKeys("قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل. وأكد أن الحل سياسي.");
        var count = new WebDriverWait(driver, TimeSpan.FromSeconds(15)).Until(d => d.FindElements(By.CssSelector("#counts .stat b")).FirstOrDefault());
        Assert.Equal("2", count!.Text); // two sentences
        Assert.Contains("وأكد أن الحل سياسي", driver.FindElement(By.CssSelector("#story .story")).Text, StringComparison.Ordinal);
        Screenshot(driver, "analyze");
    }

    [SkippableFact]
    public void The_api_page_renders_the_endpoints_offline_from_the_server_alone()
    {
        var driver = Open("/scalar/");
        new WebDriverWait(driver, TimeSpan.FromSeconds(30)).Until(d => d.FindElement(By.TagName("body")).Text.Contains("/api/search", StringComparison.Ordinal));
        var resources = (IEnumerable<object>)Script(driver, "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href])")!;
        Assert.All(resources.Select(r => r.ToString()!), url => Assert.StartsWith(fixture.BaseUrl + "/", url, StringComparison.Ordinal));
        Screenshot(driver, "api");
    }

    [SkippableFact]
    public void An_article_with_a_script_payload_renders_as_text_and_never_runs()
    {
        var driver = Open("/document.html?id=" + FixtureCorpus.ScriptId);
        var story = WaitFor(driver, By.CssSelector(".story"));
        Assert.Contains("<script>window.__rasidPwned = true;</script>", story.Text, StringComparison.Ordinal);
        Assert.Contains("<script>", driver.FindElement(By.Id("title")).Text, StringComparison.Ordinal);
        Assert.Empty(driver.FindElements(By.CssSelector(".story script, .story img, #title script")));
        driver.Navigate().GoToUrl(fixture.BaseUrl + "/index.html?q=" + Uri.EscapeDataString("الاختراق"));
        WaitFor(driver, By.CssSelector(".hit"));
        Assert.Empty(driver.FindElements(By.CssSelector(".hit script, .hit img")));
        Assert.Equal(true, Script(driver, "return typeof window.__rasidPwned === 'undefined'"));
    }
}
