package com.tierupgrade.dashboard;

import static com.tierupgrade.testing.Api.history;
import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.RuleCase.repeatBuyer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import io.quarkus.test.common.http.TestHTTPResource;
import com.tierupgrade.testing.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The console pages in a real headless Chromium (Debian's /usr/bin/chromium, driven through /usr/bin/chromedriver)
 * against the running test service, with customers posted here: what each page shows, and no error in its console.
 * Skipped when either program is missing (.ci/run installs both).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    /** The credentials the browser sends with every request; the one place they are named. */
    /** The console is for auditors; the users created on first start have their name as password. */
    static final String USER = Users.AUDITOR;
    static final String PASSWORD = Users.AUDITOR;

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    @TestHTTPResource("/console/")
    URL console;

    private ChromeDriver browser;
    private Path profile;

    static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeEach
    void requireBrowser() {
        Assumptions.assumeTrue(browserInstalled(), "Browser test skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                + " is missing; install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
    }

    @BeforeAll
    void startBrowser() throws IOException {
        if (!browserInstalled()) {
            return;
        }
        profile = Files.createTempDirectory("console-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                // Headless on a closed network: without these Chromium keeps trying to reach Google and can hang.
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1500", "--lang=zh-CN");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.executeCdpCommand("Network.enable", Map.of());
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Basic " + basic)));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void shouldShowPostedCustomersInTheDashboardCharts() {
        open("index.html");
        Map<String, Long> tiersBefore = barChart("chart-tier");
        Map<String, Long> stagesBefore = barChart("chart-stage");
        List<Long> funnelBefore = funnelTable();
        long heldTodayBefore = lastValue("chart-daily", "暂缓升级");

        DashboardResourceTest.postFourCustomers();
        open("index.html");

        Map<String, Long> tiers = barChart("chart-tier");
        assertEquals(List.of("跟从用户", "扩散用户", "影响力用户", "铁杆粉丝", "重度消费用户", "分销用户", "无"),
                List.copyOf(tiers.keySet()));
        assertEquals(2, tiers.get("分销用户") - tiersBefore.get("分销用户"));
        assertEquals(1, tiers.get("跟从用户") - tiersBefore.get("跟从用户"));
        assertEquals(1, tiers.get("无") - tiersBefore.get("无"));
        Map<String, Long> stages = barChart("chart-stage");
        assertEquals(3, stages.get("依靠") - stagesBefore.get("依靠"));
        assertEquals(1, stages.get("未连接私域") - stagesBefore.get("未连接私域"));

        // The funnel starts with every customer (未连接私域), then the four stages the three connected ones reached.
        List<Long> funnel = funnelTable();
        assertEquals(4, funnel.get(0) - funnelBefore.get(0), "funnel step 0");
        for (int step = 1; step < 5; step++) {
            assertEquals(3, funnel.get(step) - funnelBefore.get(step), "funnel step " + step);
        }
        List<Object> funnelChart = script("return echarts.getInstanceByDom(document.getElementById('chart-funnel'))"
                + ".getOption().series[0].data.map(d => d.value)");
        assertEquals(funnel, funnelChart.stream().map(value -> ((Number) value).longValue()).toList());
        assertEquals(1, lastValue("chart-daily", "暂缓升级") - heldTodayBefore);
        assertTrue(text("#reasons-table").contains(DashboardResourceTest.REFUSED), text("#reasons-table"));

        screenshot("dashboard");
        assertNoConsoleErrors(message -> false);
    }

    @Test
    void shouldShowTheCustomerTimelineReasonsAndExplanation() {
        String id = newCustomerId();
        postFacts(id, repeatBuyer().with("distributorOptIn", true).with("distributorRefused", true)).statusCode(200);
        postFacts(id, facts().with("distributorRefused", null).daysLater(1)).statusCode(200);
        List<String> kinds = history(id).statusCode(200).extract().jsonPath().getList("kind");

        open("customer.html?id=" + id);

        List<WebElement> entries = browser.findElements(By.cssSelector("#timeline > li"));
        assertEquals(kinds.size(), entries.size());
        List<String> shownKinds = new ArrayList<>(entries.stream().map(entry -> entry.getAttribute("data-kind")).toList());
        Collections.reverse(shownKinds);
        assertEquals(kinds, shownKinds, "newest first");
        WebElement newestTier = browser.findElement(By.cssSelector("#timeline > li[data-dimension='tier']"));
        assertEquals("升级", newestTier.findElement(By.cssSelector(".badge")).getText());
        assertTrue(newestTier.getText().contains("层级:跟从用户 → 分销用户"), newestTier.getText());
        WebElement hold = browser.findElement(By.cssSelector("#timeline > li[data-kind='HELD_BACK']"));
        assertEquals("暂缓升级", hold.findElement(By.cssSelector(".badge")).getText());
        assertTrue(hold.getText().contains(DashboardResourceTest.REFUSED), hold.getText());

        assertEquals("分销用户", text("#decision-table tr[data-dimension='tier'] td"));
        assertEquals("依靠", text("#decision-table tr[data-dimension='stage'] td"));
        String explanation = text("#explanation");
        boolean served = !browser.findElements(By.id("explanation-text")).isEmpty();
        if (!served) {
            // No explanation endpoint yet: the page says so and shows the recorded reasons.
            assertTrue(explanation.contains("服务暂未提供解释文本"), explanation);
            assertTrue(explanation.contains("近90天购买 2 次"), explanation);
        }
        assertTrue(!explanation.isBlank());

        screenshot("customer");
        assertNoConsoleErrors(message -> !served && message.contains("/explanation") && message.contains(" 404"));
    }

    @Test
    void shouldShowTheActiveRuleSetAndItsFiles() {
        JsonPath current = given().when().get("/rulesets/current").then().statusCode(200).extract().jsonPath();

        open("rulesets.html");

        assertEquals(current.getString("version"), text("#active-version"));
        assertEquals(current.getString("version"), text("#files-version"));
        List<String> names = browser.findElements(By.cssSelector("#files .file-name")).stream()
                .map(WebElement::getText).toList();
        assertTrue(names.contains("ladders.yaml") && names.contains("tiers.dslr"), names.toString());
        assertTrue(browser.findElement(By.id("file-ladders.yaml")).getText().contains("name: 分销用户"));
        assertTrue(text("#versions-table").contains(current.getString("version")));
        JsonPath usage = given().when().get("/rulesets/rule-usage").then().statusCode(200).extract().jsonPath();
        List<WebElement> usageRows = browser.findElements(By.cssSelector("#usage-table tbody tr"));
        assertEquals(usage.getList("rules").size(), usageRows.size(), "one row per rule of the active rule set");
        assertTrue(usageRows.get(0).getText().startsWith(usage.getString("rules[0].rule")), usageRows.get(0).getText());
        assertTrue(text("#never-fired").contains(usage.getList("neverFired").isEmpty() ? "每条规则都触发过"
                : usage.getString("neverFired[0]")), text("#never-fired"));
        // This instance is alive (its heartbeat), serving the active version.
        assertTrue(text("#instances-table").contains("(本实例)"), text("#instances-table"));

        screenshot("rulesets");
        assertNoConsoleErrors(message -> false);
    }

    @Test
    void shouldListTheWebhookSubscriptionsWithTheirStatus() {
        long id = given().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/console-test", "description", "分销系统",
                        "dimensions", List.of("tier"), "values", List.of("DISTRIBUTOR")))
                .post("/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
        try {
            open("webhooks.html");

            String row = browser.findElement(By.cssSelector("#webhooks-table tr[data-id='" + id + "']")).getText();
            assertTrue(row.contains("http://127.0.0.1:9/console-test") && row.contains("分销系统")
                    && row.contains("DISTRIBUTOR"), row);
            screenshot("webhooks");
            assertNoConsoleErrors(message -> false);
        } finally {
            given().delete("/webhooks/{id}", id).then().statusCode(204);
        }
    }

    @Test
    void shouldVerifyTheHistoryChainsFromTheDashboard() {
        DashboardResourceTest.postFourCustomers();
        open("index.html");
        browser.findElement(By.id("verify-history")).click();
        long deadline = System.nanoTime() + PAGE_TIMEOUT.toNanos();
        while (browser.findElements(By.id("verify-verdict")).isEmpty() && System.nanoTime() < deadline) {
            pause();
        }
        assertEquals("true", browser.findElement(By.id("verify-verdict")).getAttribute("data-ok"),
                text("#verify-result"));
        assertTrue(text("#verify-result").contains("变化记录 (history_entry)"), text("#verify-result"));
        screenshot("verify-history");
        assertNoConsoleErrors(message -> false);
    }

    /** Loads a console page and waits until its script says it has rendered (or failed). */
    private void open(String page) {
        browser.manage().logs().get(LogType.BROWSER); // forget the previous page's messages
        browser.get(console + page);
        long deadline = System.nanoTime() + PAGE_TIMEOUT.toNanos();
        String state = null;
        while (state == null && System.nanoTime() < deadline) {
            state = browser.findElement(By.tagName("body")).getAttribute("data-ready");
            if (state == null) {
                pause();
            }
        }
        if (!"true".equals(state)) {
            fail(page + " did not render: " + text("main") + "\n" + consoleMessages());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    @SuppressWarnings("unchecked")
    private <T> T script(String javaScript) {
        return (T) ((JavascriptExecutor) browser).executeScript(javaScript);
    }

    /** The categories and values of a one-series bar chart, read from the chart itself. */
    private Map<String, Long> barChart(String id) {
        List<String> names = script("return echarts.getInstanceByDom(document.getElementById('" + id + "'))"
                + ".getOption().xAxis[0].data");
        List<Object> values = script("return echarts.getInstanceByDom(document.getElementById('" + id + "'))"
                + ".getOption().series[0].data");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            counts.put(names.get(i), ((Number) values.get(i)).longValue());
        }
        return counts;
    }

    /** The last (today's) value of a named line of a chart. */
    private long lastValue(String id, String series) {
        Number value = script("const data = echarts.getInstanceByDom(document.getElementById('" + id + "'))"
                + ".getOption().series.find(s => s.name === '" + series + "').data; return data[data.length - 1]");
        return value.longValue();
    }

    /** The second column of the funnel table: customers at or above each stage. */
    private List<Long> funnelTable() {
        return browser.findElements(By.cssSelector("#funnel-table tbody tr td:nth-child(2)")).stream()
                .map(cell -> Long.parseLong(cell.getText())).toList();
    }

    private void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> consoleMessages() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    /** No error or warning in the page's console, except messages {@code expected} accepts. */
    private void assertNoConsoleErrors(Predicate<String> expected) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue() && !expected.test(entry.getMessage())) {
                errors.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
        assertEquals(List.of(), errors, "console messages");
    }
}
