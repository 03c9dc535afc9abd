package com.tierupgrade.dashboard;

import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.FactsBody.facts;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import com.tierupgrade.testing.ShippedRules;
import com.tierupgrade.testing.Users;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The rule editor of the console in headless Chromium (the set-up of {@link ConsoleBrowserTest}): a person who edits
 * and audits starts a draft, changes a parameter in the form, sees the scenario that pins the old stage, accepts the
 * proposed update, sees the moved counts, publishes with a comment, sees the customer's new decision under the new
 * version, and rolls back. Chinese text (title, comments, scenario names) must survive every round trip.
 */
@QuarkusTest
@TestProfile(DraftEditorBrowserTest.OwnRules.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftEditorBrowserTest {

    static final Path RULES = Path.of("target", "draft-editor-rules");
    /** Editing needs editor, the console auditor: the tester of the test profile has both. */
    static final String USER = Users.TESTER;
    static final String PASSWORD = Users.TESTER;
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    static final String SCENARIO_FILE = "scenarios/editor.yaml";
    static final String SCENARIO = "复购两次的客户是依靠阶段(编辑器测试)";
    static final String SCENARIO_TEXT = """
            # 编辑器测试:把依靠阶段的购买次数从 2 改为 3,这个场景就会失败
            - name: %s
              asOf: 2026-03-01T12:00:00Z
              attributes: {addedWeCom: true}
              events:
                - {id: i1, type: INTERACTION, daysAgo: 1, kind: READ}
                - {id: i2, type: INTERACTION, daysAgo: 2, kind: LIKE}
                - {id: i3, type: INTERACTION, daysAgo: 3, kind: REPLY}
                - {id: i4, type: INTERACTION, daysAgo: 4, kind: QUESTION}
                - {id: o1, type: PURCHASE, daysAgo: 10, amount: 300}
                - {id: o2, type: PURCHASE, daysAgo: 20, amount: 300}
              expect:
                stage: RELIANT
            """.formatted(SCENARIO);

    /** The shipped rules with one scenario of our own (the shipped ones pin numbers this test changes). */
    public static class OwnRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            ShippedRules.writeTo(RULES, ShippedRules.files());
            ShippedRules.writeTo(RULES, Map.of(SCENARIO_FILE, SCENARIO_TEXT));
            return Map.of("tierup.rules.directory", RULES.toString(), "tierup.rules.watch", "false",
                    "tierup.bulk.max-downgrade-share", "1");
        }
    }

    @TestHTTPResource("/console/")
    URL console;

    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void requireBrowser() {
        Assumptions.assumeTrue(ConsoleBrowserTest.browserInstalled(), "Browser test skipped: chromium or chromedriver"
                + " is missing (apt-get install chromium chromium-driver)");
    }

    @BeforeAll
    void startBrowser() throws IOException {
        if (!ConsoleBrowserTest.browserInstalled()) {
            return;
        }
        profile = Files.createTempDirectory("editor-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(ConsoleBrowserTest.CHROMIUM.toFile()).addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1500", "--lang=zh-CN");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ConsoleBrowserTest.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.executeCdpCommand("Network.enable", Map.of());
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Basic " + basic)));
        Files.createDirectories(ConsoleBrowserTest.SCREENSHOTS);
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
    void shouldEditCheckPublishAndRollBackADraftInTheBrowser() {
        String customer = newCustomerId();
        // Evaluated now, as the what-if is: a repeat buyer whose two purchases are recent.
        postFacts(customer, facts().withoutAsOf().with("addedWeCom", true).interactions("i", 4, 1)
                .purchases("p", 2, 300, 30)).statusCode(200).body("stage", org.hamcrest.Matchers.equalTo("RELIANT"));
        String before = activeVersion();
        String title = "提高依靠门槛:至少 3 次购买";

        // Start a draft from the rule-set page: the browser lands on the draft's page.
        open("rulesets.html");
        browser.findElement(By.id("new-draft-title")).sendKeys(title);
        browser.findElement(By.id("new-draft")).click();
        await(() -> browser.getCurrentUrl().contains("draft.html")
                && "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-ready")), "draft page");
        String draftId = browser.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1");
        assertTrue(text("#draft-title").contains(title), text("#draft-title"));

        // The parameter form: label, unit, value and the rules that use it; the DSL sentences as completions.
        WebElement row = browser.findElement(By.cssSelector("#params-table tr[data-parameter='reliantMinPurchases']"));
        assertTrue(row.getText().contains("依靠:当前周期内至少 M 次购买"), row.getText());
        assertTrue(row.findElement(By.cssSelector(".used-by")).getText().contains("依靠"), row.getText());
        assertTrue(browser.findElements(By.cssSelector("#dsl-sentences option")).stream()
                .anyMatch(option -> option.getAttribute("value").equals("客户本人愿意分销")), "DSL sentences offered");
        WebElement value = browser.findElement(By.id("param-reliantMinPurchases"));
        assertEquals("2", value.getAttribute("value"));
        value.clear();
        value.sendKeys("3", Keys.TAB);
        assertTrue(textArea().contains("reliantMinPurchases: 3"), "the form writes into parameters.yaml");

        // Check: the scenario pinning RELIANT breaks; accept the proposed update.
        check();
        assertEquals("false", browser.findElement(By.id("check-verdict")).getAttribute("data-valid"));
        WebElement broken = browser.findElement(By.cssSelector("#failed-scenarios li.failed-scenario"));
        assertTrue(broken.getText().contains(SCENARIO), broken.getText());
        assertTrue(broken.findElement(By.cssSelector(".expected")).getText().contains("RELIANT"), broken.getText());
        assertTrue(broken.findElement(By.cssSelector(".actual")).getText().contains("TRUSTING"), broken.getText());
        screenshot("draft-scenario-breaks");
        broken.findElement(By.cssSelector("button.accept")).click();
        assertTrue(textArea().contains("stage: TRUSTING"), textArea());

        // Check again: everything passes, and the what-if shows the customers who leave 依靠.
        check();
        assertEquals("true", browser.findElement(By.id("check-verdict")).getAttribute("data-valid"),
                text("#check-result"));
        WebElement reliant = browser.findElement(By.cssSelector(
                "#whatif section[data-dimension='stage'] tr[data-value='RELIANT']"));
        long reliantBefore = Long.parseLong(reliant.findElement(By.cssSelector(".before")).getText());
        long reliantAfter = Long.parseLong(reliant.findElement(By.cssSelector(".after")).getText());
        assertTrue(reliantAfter < reliantBefore, reliant.getText());
        long downgraded = Long.parseLong(browser.findElement(By.cssSelector(
                "#whatif section[data-dimension='stage'] .downgraded")).getAttribute("data-count"));
        assertEquals(reliantBefore - reliantAfter, downgraded, text("#whatif"));
        screenshot("draft-what-if");

        // Publish: a comment is required.
        browser.findElement(By.id("publish")).click();
        assertTrue(text("#publish-result").contains("请填写发布说明"), text("#publish-result"));
        String comment = "依靠阶段至少 3 次购买(运营 2026 Q1 决定)";
        browser.findElement(By.id("publish-comment")).sendKeys(comment);
        browser.findElement(By.id("publish")).click();
        await(() -> !browser.findElements(By.id("published-version")).isEmpty(), "published: " + text("#publish-result"));
        String published = text("#published-version");
        assertNotEquals(before, published);

        // Chinese survived: the draft's files, its title, the publication's comment.
        JsonPath draft = given().get("/rulesets/drafts/" + draftId).then().statusCode(200).extract().jsonPath();
        assertEquals(title, draft.getString("title"));
        String parameters = draft.getString("files.'parameters.yaml'");
        assertEquals(ShippedRules.files().get("parameters.yaml").replace("reliantMinPurchases: 2",
                "reliantMinPurchases: 3"), parameters);
        assertEquals(SCENARIO_TEXT.replace("stage: RELIANT", "stage: TRUSTING"),
                draft.getString("files.'" + SCENARIO_FILE + "'"));
        assertEquals(comment, given().get("/rulesets/" + published).then().statusCode(200).extract()
                .path("activations[0].comment"));

        // The customer page shows the new decision under the new version, once the re-evaluation has run.
        await(() -> published.equals(given().get("/customers/" + customer).then().extract()
                .path("decision.rulesetVersion")), "customer re-evaluated under " + published);
        open("customer.html?id=" + customer);
        assertTrue(text("#customer-meta").contains(published), text("#customer-meta"));
        assertEquals("信赖", text("#decision-table tr[data-dimension='stage'] td"));
        screenshot("draft-customer-after-publish");

        // Roll back from the versions list, with a comment.
        open("rulesets.html");
        assertTrue(browser.findElement(By.cssSelector("#drafts-table tr[data-id='" + draftId + "']")).getText()
                .contains("已发布"));
        String reason = "回滚:门槛先不改";
        browser.findElement(By.id("rollback-comment")).sendKeys(reason);
        browser.findElement(By.cssSelector("#versions-table button.rollback[data-version='" + before + "']")).click();
        await(() -> !browser.findElements(By.id("rolled-back")).isEmpty(), "rolled back: " + text("#rollback-result"));
        await(() -> before.equals(activeVersion()), "active again: " + before);
        assertEquals(reason, given().get("/rulesets/" + before).then().statusCode(200).extract()
                .path("activations[0].comment"));
        assertEquals("ROLLBACK", given().get("/rulesets/" + before).then().extract().path("activations[0].trigger"));
        screenshot("draft-rolled-back");
        assertNoConsoleErrors();
    }

    private static String activeVersion() {
        return given().get("/rulesets/current").then().statusCode(200).extract().path("version");
    }

    /** Clicks 检查 and waits until the check (save, compile, scenarios, what-if) has drawn its result. */
    private void check() {
        browser.findElement(By.id("check")).click();
        await(() -> browser.findElement(By.id("check-result")).getAttribute("data-done") != null, "check");
        assertTrue(browser.findElements(By.id("check-error")).isEmpty(), text("#check-result"));
    }

    private String textArea() {
        return browser.findElement(By.id("file-text")).getAttribute("value");
    }

    private void open(String page) {
        browser.manage().logs().get(LogType.BROWSER);
        browser.get(console + page);
        await(() -> browser.findElement(By.tagName("body")).getAttribute("data-ready") != null, page);
        if (!"true".equals(browser.findElement(By.tagName("body")).getAttribute("data-ready"))) {
            fail(page + " did not render: " + text("main"));
        }
    }

    private void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                screenshot("draft-timeout");
                fail("waited " + TIMEOUT + " for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private void screenshot(String name) {
        try {
            Files.write(ConsoleBrowserTest.SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertNoConsoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                errors.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
        assertEquals(List.of(), errors, "console messages");
    }
}
