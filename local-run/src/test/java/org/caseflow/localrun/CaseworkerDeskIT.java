package org.caseflow.localrun;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caseflow.localrun.Rest.HTTP;
import static org.caseflow.localrun.Rest.JSON;
import static org.caseflow.localrun.Rest.getList;
import static org.caseflow.localrun.Rest.getMap;
import static org.caseflow.localrun.Rest.request;

/**
 * The caseworker's desk in a real browser, against the whole system as the end-to-end test starts it:
 * a caseworker signs in to Tasklist by typing and clicking, tells the cases apart in the list, opens
 * the screening, reads the case file behind the form's link, comes back and completes the form; on a
 * desk and on a phone, in Albanian and in English. The screenshots are the README's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseworkerDeskIT {

    private static LocalStack stack;
    private static String caseId;
    private static String reference;

    @BeforeAll
    static void startTheSystemAndReportACase() throws Exception {
        Browser.requireInstalled();
        Path data = Files.createTempDirectory("caseflow-desk");
        Path services = Path.of(System.getProperty("caseflow.services.directory", "target/services"));
        stack = new LocalStack(LocalStack.Settings.forTests(data, services)).start();
        HttpResponse<String> reported = HTTP.send(request(stack.url(ServiceName.CASE) + "/api/cases", "education.worker")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"source": "SCHOOL", "concerns": ["NEGLECT", "BEGGING"], "immediateDanger": false,
                         "children": [{"firstName": "Ana", "ageYears": 9}],
                         "location": {"municipality": "Durrës", "details": "near the port"},
                         "narrative": "Seen begging near the port every morning instead of school.",
                         "reporter": {"name": "Class teacher", "phone": "+355 69 000 0000"}}""")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reported.statusCode()).isEqualTo(201);
        caseId = (String) JSON.readValue(reported.body(), Map.class).get("id");
        awaitTask("ScreenReport");
        reference = (String) getMap(stack.url(ServiceName.CASE) + "/api/cases/" + caseId).get("reference");
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aCaseworkerScreensAReportFromTasklistWithTheCaseFileBesideIt() throws Exception {
        try (Browser browser = Browser.open("sq", Browser.DESK)) {
            browser.onFailure("screening", () -> screenAsAPersonDoes(browser));
        }
    }

    private static void screenAsAPersonDoes(Browser browser) throws Exception {
        {
            WebDriver driver = browser.driver;
            signInToTasklist(browser, "cpu.worker");

            WebElement listed = taskInList(browser, reference);
            assertThat(listed.getText()).as("the list tells the case apart").contains("Rasti / Case", reference)
                    .contains("Mosha e fëmijës").containsPattern("(?m)^9$");
            listed.findElement(By.cssSelector("a")).click();
            // The form takes input once the caseworker has claimed the task.
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
            WebElement link = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".fjs-form a[href*='/cases/" + caseId + "']")));
            assertThat(link.getText()).contains("Hapni dosjen e rastit");
            String taskPage = driver.getCurrentUrl();
            browser.screenshot("tasklist-screening-form");

            link.click();
            signInToThePages(browser, "cpu.worker");
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("narrative")));
            assertThat(driver.findElement(By.id("narrative")).getText())
                    .isEqualTo("Seen begging near the port every morning instead of school.");
            assertThat(driver.findElement(By.id("children")).getText()).contains("Ana").contains("9 vjeç");
            assertThat(driver.findElement(By.id("open-tasks")).getText()).contains("Shqyrtoni raportimin");
            assertThat(driver.findElement(By.id("reporter")).getText()).contains("Class teacher");
            browser.screenshot("case-file");

            driver.get(taskPage);
            WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
            assertThat(form.findElements(By.cssSelector("input[type=radio]:checked"))).as("the decisions start empty").isEmpty();
            answer(browser, form, "rast për mbrojtjen e fëmijës", "Po");
            answer(browser, form, "shoqërojë kontaktin e parë", "Jo");
            // Begging is a trafficking indicator: the screening says so, and the anti-trafficking track starts beside the rest.
            answer(browser, form, "Tregues trafikimi", "Po");
            choose(browser, form, "I lartë");
            form.findElement(By.cssSelector("textarea")).sendKeys("Lyp çdo mëngjes në vend të shkollës.");
            completeButton(browser).click();

            awaitTask("MakeFirstContact");
            String workflow = stack.url(ServiceName.WORKFLOW);
            Object procedure = getList(workflow + "/engine-rest/process-instance?businessKey=" + caseId
                    + "&processDefinitionKey=emergency-response").get(0).get("id");
            assertThat(getList(workflow + "/engine-rest/history/variable-instance?processInstanceId=" + procedure
                    + "&variableName=isProtectionCase")).as("the page's yes is a yes, not a word").singleElement()
                    .satisfies(answer -> assertThat(answer).containsEntry("type", "Boolean").containsEntry("value", true));
            driver.get(stack.url(ServiceName.WORKFLOW) + "/camunda/app/tasklist/default/");
            WebElement next = browser.wait.until(driver1 -> taskInListOrNull(browser, reference, "Make first contact"));
            // The list shows two of a task's variables; the arrow beside them shows the rest.
            next.findElement(By.cssSelector(".shutter")).click();
            browser.wait.until(driver1 -> next.getText().contains("I lartë / High"));
            assertThat(next.getText()).contains(reference).containsPattern("(?m)^9$").contains("Rreziku / Risk", "I lartë / High");
            assertThat(next.findElements(By.cssSelector(".due-date"))).as("the next task carries its deadline").isNotEmpty();
            browser.screenshot("tasklist-after-screening");
        }
    }

    @Test
    @Order(2)
    void onAPhoneTasklistTakesTheSignInWithoutABrowserDialog() throws Exception {
        try (Browser browser = Browser.open("sq", Browser.PHONE)) {
            signInToTasklist(browser, "cpu.worker");
            assertThat(browser.driver.findElements(By.cssSelector(".tasks-list, [cam-tasks]"))).isNotEmpty();
            browser.screenshot("tasklist-phone");

            browser.driver.get(stack.url(ServiceName.CASE) + "/cases/" + caseId);
            signInToThePages(browser, "cpu.worker");
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("narrative")));
            browser.screenshot("case-file-phone");
        }
    }

    @Test
    @Order(3)
    void anotherAgencysWorkerFindsNoSuchCase() throws Exception {
        try (Browser browser = Browser.open("sq", Browser.DESK)) {
            browser.driver.get(stack.url(ServiceName.CASE) + "/cases/" + caseId);
            signInToThePages(browser, "police.worker");
            WebElement notFound = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Rasti nuk u gjet");
            assertThat(browser.driver.getPageSource()).doesNotContain("Ana").doesNotContain("near the port");
            assertThat(notFound.isDisplayed()).isTrue();
        }
    }

    @Test
    @Order(4)
    void aBrowserInEnglishGetsThePagesAndTasklistInEnglish() throws Exception {
        try (Browser browser = Browser.open("en", Browser.DESK)) {
            browser.driver.get(stack.url(ServiceName.CASE) + "/cases/" + caseId);
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
            signInToThePages(browser, "cpu.worker");
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("narrative")));
            assertThat(browser.driver.findElement(By.id("open-tasks")).getText()).contains("Open tasks");
            assertThat(browser.driver.findElement(By.id("report")).getText()).contains("neglect, begging");
            assertThat(browser.driver.findElement(By.id("children")).getText()).contains("9 years");

            browser.driver.get(stack.url(ServiceName.WORKFLOW) + "/camunda/app/tasklist/default/");
            WebElement user = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("input[ng-model='username']")));
            assertThat(user.getAttribute("placeholder")).isEqualTo("Username");
        }
    }

    @Test
    @Order(5)
    void tasklistAndWelcomeInAlbanianSpeakAlbanian() throws Exception {
        try (Browser browser = Browser.open("sq", Browser.DESK)) {
            browser.driver.get(stack.url(ServiceName.WORKFLOW) + "/camunda/app/tasklist/default/");
            WebElement user = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("input[ng-model='username']")));
            assertThat(user.getAttribute("placeholder")).isEqualTo("Emri i përdoruesit");
            assertThat(browser.driver.findElement(By.cssSelector("input[ng-model='password']")).getAttribute("placeholder"))
                    .isEqualTo("Fjalëkalimi");
            browser.screenshot("tasklist-login");
            signInToTasklist(browser, "cpu.worker");
            assertThat(browser.driver.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed))
                    .as("no notice about migrating to Camunda 8 for a caseworker").isEmpty();

            browser.driver.get(stack.url(ServiceName.WORKFLOW) + "/camunda/app/welcome/default/");
            browser.wait.until(driver -> driver.findElement(By.tagName("body")).getText().contains("Aplikacionet"));
            assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("Lista e detyrave");
            assertThat(browser.driver.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed)).isEmpty();
        }
    }

    /** Types the user and password into Tasklist's own login form and clicks, as a person does. */
    private static void signInToTasklist(Browser browser, String user) {
        browser.driver.get(stack.url(ServiceName.WORKFLOW) + "/camunda/app/tasklist/default/");
        WebElement name = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        name.sendKeys(user);
        browser.driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        browser.driver.findElement(By.cssSelector("form button[type='submit']")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-filters], .filters")));
    }

    /** The case file pages' own login page, reached by following a link. */
    private static void signInToThePages(Browser browser, String user) {
        WebElement name = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        name.sendKeys(user);
        browser.driver.findElement(By.id("password")).sendKeys("demo");
        browser.driver.findElement(By.id("sign-in")).click();
    }

    private static WebElement taskInList(Browser browser, String text) {
        return browser.wait.until(driver -> taskInListOrNull(browser, text, text));
    }

    private static WebElement taskInListOrNull(Browser browser, String... texts) {
        for (WebElement task : browser.driver.findElements(By.cssSelector(".tasks-list .task"))) {
            String shown = task.getText();
            if (java.util.Arrays.stream(texts).allMatch(shown::contains)) {
                return task;
            }
        }
        return null;
    }

    /** Opens a form-js select and clicks the choice whose words start with the given ones. */
    private static void choose(Browser browser, WebElement form, String words) {
        form.findElement(By.cssSelector(".fjs-form-field-select .fjs-input-group")).click();
        browser.wait.until(driver -> form.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(item -> item.getText().startsWith(words)).findFirst().orElse(null)).click();
    }

    /** Answers a yes / no question of a form-js form by clicking the answer's words, as a person does. */
    private static void answer(Browser browser, WebElement form, String question, String words) {
        WebElement field = browser.wait.until(driver -> form.findElements(By.cssSelector(".fjs-form-field-radio")).stream()
                .filter(f -> f.isDisplayed() && f.getText().contains(question)).findFirst().orElse(null));
        field.findElements(By.cssSelector("label")).stream().filter(label -> label.getText().startsWith(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no answer '" + words + "' in: " + field.getText())).click();
    }

    /** The task's Complete button: the one primary button shown beside an open form. */
    private static WebElement completeButton(Browser browser) {
        return browser.wait.until(driver -> driver.findElements(By.cssSelector("button.btn-primary")).stream()
                .filter(button -> button.isDisplayed() && button.isEnabled()).findFirst().orElse(null));
    }

    private static void awaitTask(String taskKey) {
        await().atMost(Duration.ofSeconds(30)).until(() -> getList(stack.url(ServiceName.WORKFLOW)
                + "/engine-rest/task?processInstanceBusinessKey=" + caseId + "&taskDefinitionKey=" + taskKey), list -> list.size() == 1);
    }
}
