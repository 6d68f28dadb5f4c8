package io.openhire.launcher;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.platform.test.TestDocuments;
import io.openhire.platform.test.TestHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The recruiter's whole flow in a real browser — Debian's Chromium driven through Debian's chromedriver,
 * never a downloaded browser — against a running platform: a wrong password shows an error; sign in;
 * upload two resumes and watch them turn from Received to Parsed without reloading; a photo is refused
 * with the reason on the page; open the demo job, see
 * ranked candidates with explanations (the new resume among them); give feedback; an ended session sends
 * the person back to sign in with a message; sign out. On the way (issue 16) the shortlist is emailed, the
 * candidate reads it and answers on the all-in-one's Mail page, the answer appears in the conversation without a
 * reload, an interview is proposed and booked through the candidate's link, and the recruiter's bell says so. A screenshot of each step goes to
 * {@code target/screenshots/} (look at them).
 */
final class RecruiterInBrowser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String DEMO_JOB = "Senior Backend Engineer (Java)";

    private final String baseUrl;
    private final Path screenshots;
    private final Path workDir;
    private int shot;

    RecruiterInBrowser(String baseUrl, Path screenshots, Path workDir) {
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
        this.workDir = workDir;
    }

    /** Why the browser tests cannot run here, or empty when they can. */
    static Optional<String> unavailable() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return Optional.of("no browser: install Debian's chromium and chromium-driver (.ci/run does) "
                    + "to run the dashboard in a real browser");
        }
        return Optional.empty();
    }

    void recruiterFlow(String email, String password) throws IOException {
        Files.createDirectories(screenshots);
        WebDriver browser = start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));

            // A wrong password: the sign-in page says so, and nobody is signed in.
            browser.get(baseUrl + "/");
            wait.until(ExpectedConditions.urlContains("/login"));
            signIn(browser, email, "not the password");
            WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
            assertThat(error.getText()).contains("Wrong email address or password");
            screenshot(browser, "wrong-password");

            // Signed in: the overview with the pipeline chart.
            signIn(browser, email, password);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Overview"));
            wait.until(ExpectedConditions.textToBe(By.id("live-status"), "live"));
            assertThat(browser.findElement(By.id("pipeline")).getText()).contains("Resumes parsed", "Open jobs");
            screenshot(browser, "overview");

            // Two resumes uploaded at once; each shows its progress, then turns Parsed by itself (SSE).
            browser.findElement(By.linkText("Candidates")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Candidates"));
            Path first = write("noor-haddad-cv.pdf", TestDocuments.pdf(NOOR));
            Path second = write("jonas-weber-cv.docx", TestDocuments.docx(JONAS));
            browser.findElement(By.id("files")).sendKeys(first + "\n" + second);
            wait.until(d -> d.findElements(By.cssSelector("#uploads li.upload")).size() == 2);
            screenshot(browser, "uploading");
            wait.until(d -> d.findElements(By.cssSelector("#uploads li.upload .status")).stream()
                    .allMatch(s -> s.getText().equals("Parsed")));
            assertThat(browser.findElements(By.cssSelector("#uploads li.upload a.file")))
                    .extracting(WebElement::getText)
                    .containsExactlyInAnyOrder("noor-haddad-cv.pdf", "jonas-weber-cv.docx");
            screenshot(browser, "parsed-live");
            String noorResume = browser.findElements(By.cssSelector("#uploads li.upload a.file")).stream()
                    .filter(a -> a.getText().equals("noor-haddad-cv.pdf"))
                    .findFirst()
                    .orElseThrow()
                    .getAttribute("href");

            // A file that is not a resume: refused, with the reason on the page; nothing else changes.
            browser.findElement(By.id("files"))
                    .sendKeys(write("holiday-photo.png", TestDocuments.png()).toString());
            WebElement refused = wait.until(d -> d.findElements(By.cssSelector("#uploads li.upload.failed")).stream()
                    .findFirst()
                    .orElse(null));
            assertThat(refused.getText()).contains("holiday-photo.png", "Refused", "not a resume format");
            screenshot(browser, "bad-file-refused");

            // The demo job: ranked, explained candidates, the new resume among them.
            browser.findElement(By.linkText("Jobs")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText(DEMO_JOB)))
                    .click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), DEMO_JOB));
            wait.until(
                    d -> d.findElements(By.cssSelector("#shortlist li.match")).size() >= 3);
            wait.until(d -> d.findElement(By.id("shortlist")).getText().contains("Noor Haddad"));
            List<WebElement> lines = browser.findElements(By.cssSelector("#shortlist li.match"));
            WebElement top = lines.getFirst();
            assertThat(top.findElement(By.cssSelector(".score-value")).getText())
                    .matches("\\d+");
            top.findElement(By.cssSelector("details.why summary")).click();
            WebElement breakdown = wait.until(d -> top.findElement(By.cssSelector("table.breakdown")));
            assertThat(breakdown.getText()).contains("Required skills", "Experience", "required skills");
            screenshot(browser, "shortlist-explained");

            String jobId =
                    browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);

            // Following the job: the recruiter will hear of strong new candidates for it.
            browser.findElement(By.id("follow-button")).click();
            wait.until(ExpectedConditions.textToBe(By.id("follow-button"), "Following – stop"));

            // Talking to a candidate (issue 16): Noor is shortlisted too, and the shortlist gets an email.
            WebElement noor = browser.findElements(By.cssSelector("#shortlist li.match")).stream()
                    .filter(line -> line.getText().contains("Noor Haddad"))
                    .findFirst()
                    .orElseThrow();
            String noorId = noor.getAttribute("data-candidate-id");
            // The pipeline (issue 17): Noor added to the job from her ranking line (the line says so, the board
            // shows her card in Applied); moved to Interview with the keyboard (the card's "Move to" list), then
            // back to Screening by drag and drop. matching learns both moves as outcomes.
            addToJob(browser, wait, noorId);
            moveWithTheKeyboard(browser, wait, noorId, "Interview");
            screenshot(browser, "board-moved");
            dragToStage(browser, wait, noorId, "SCREENING");
            screenshot(browser, "board-dragged");
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(feedbackOutcomes(email, password, jobId))
                            .contains("INTERVIEWED", "SHORTLISTED"));
            browser.findElement(By.cssSelector("#email-shortlist button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("email-shortlist"), "Sent to "));
            assertThat(browser.findElement(By.id("email-shortlist")).getText()).contains("candidate(s) in Screening");
            screenshot(browser, "shortlist-emailed");
            String jobPage = browser.getCurrentUrl();
            conversationWithNoor(browser, wait, noorResume, email);
            browser.get(jobPage);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), DEMO_JOB));

            // Someone applies on the career site without an account (issue 17): their application appears in the
            // job's Applied column on the recruiter's open page, without a reload.
            wait.until(d -> !d.findElements(By.cssSelector("#board .board")).isEmpty());
            applyOnTheCareerSite(organizationId(email, password), jobId, "Ines Moreau");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#board .stage-column[data-category=APPLIED]"), "Ines Moreau"));
            screenshot(browser, "applicant-on-the-board");

            // A hiring client (issue 17): the admin adds the client and its user, the job is run for it, Noor is
            // shared blind; the client's user sees only that job and Noor without her name, and says yes with an
            // interview request, which the recruiter reads on Noor's card.
            clientReviewsTheShortlist(browser, wait, email, password, noorResume, jobPage);
            // The applicant signs in to the candidate portal with a link from her email, sees her stage, corrects
            // what was read from her resume, and downloads her data.
            candidateSignsInByLink(browser, wait, organizationId(email, password));
            browser.get(jobPage);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), DEMO_JOB));

            // The same page on a phone.
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.navigate().refresh();
            wait.until(
                    d -> d.findElements(By.cssSelector("#shortlist li.match")).size() >= 3);
            screenshot(browser, "job-on-a-phone");
            browser.manage().window().setSize(new Dimension(1280, 900));

            // A session that ended (here: a session id the server no longer knows) asks to sign in again.
            Cookie session = browser.manage().getCookieNamed("openhire_session");
            browser.manage().deleteCookieNamed("openhire_session");
            browser.manage().addCookie(new Cookie("openhire_session", "0123456789ABCDEF0123456789ABCDEF", "/"));
            browser.get(baseUrl + "/jobs");
            WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-notice")));
            assertThat(notice.getText()).contains("Your session has ended");
            screenshot(browser, "session-ended");
            browser.manage().deleteCookieNamed("openhire_session");
            browser.manage().addCookie(session);

            // Sign out: back to the sign-in page, and the pages are closed again.
            browser.get(baseUrl + "/jobs");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Jobs"));
            browser.findElement(By.id("sign-out")).click();
            notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-notice")));
            assertThat(notice.getText()).contains("You have signed out");
            screenshot(browser, "signed-out");
            browser.get(baseUrl + "/jobs");
            wait.until(ExpectedConditions.urlContains("/login"));
        } catch (RuntimeException | AssertionError e) {
            screenshot(browser, "failure");
            throw e;
        } finally {
            browser.quit();
        }
    }

    /**
     * Noor's conversation, with Noor in a second tab reading the all-in-one's Mail page: the shortlist email is
     * in her mailbox; her answer appears on her candidate page without a reload; the recruiter proposes
     * interview times, Noor books one through the link in her invitation, and both get the calendar invitation.
     */
    private void conversationWithNoor(WebDriver browser, WebDriverWait wait, String noorResume, String recruiterMail) {
        String noorMail = "noor.haddad@example.com";
        // The recruiter wants candidates' replies by email at once (and sees the job they follow).
        browser.get(baseUrl + "/notifications");
        new Select(browser.findElement(By.name("email.CANDIDATE_REPLIED"))).selectByValue("INSTANT");
        browser.findElement(By.cssSelector("#settings button[type=submit]")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("settings"), "Emails go to " + recruiterMail));
        assertThat(browser.findElement(By.cssSelector("ul.follows")).getText()).contains(DEMO_JOB);
        screenshot(browser, "notification-settings");
        browser.get(baseUrl + "/templates");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Message templates"));

        browser.get(noorResume);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Noor Haddad"));
        wait.until(ExpectedConditions.textToBe(By.id("live-status"), "live"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), "Your application"));
        String recruiterTab = browser.getWindowHandle();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('conversation').scrollIntoView()");
        screenshot(browser, "conversation-sent");

        browser.switchTo().newWindow(WindowType.TAB);
        String noorTab = browser.getWindowHandle();
        openMail(browser, wait, noorMail, "Your application: " + DEMO_JOB);
        assertThat(browser.findElement(By.cssSelector(".mail-text")).getText())
                .contains("Hello Noor,", "you are on our shortlist for " + DEMO_JOB, "To stop receiving emails");
        screenshot(browser, "candidate-reads-email");
        browser.findElement(By.id("reply-text")).sendKeys("Thank you! I would love to talk. Noor");
        browser.findElement(By.id("send-answer")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Answer sent as " + noorMail));

        // Back on the recruiter's page: the answer arrives by itself (IMAP → event → live update).
        browser.switchTo().window(recruiterTab);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#conversation ol.thread"), "I would love to talk"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('conversation').scrollIntoView()");
        screenshot(browser, "reply-in-thread");

        // A call about it, logged on the conversation.
        browser.findElement(By.xpath("//summary[text()='Log a call']")).click();
        browser.findElement(By.id("call-minutes")).sendKeys("10");
        browser.findElement(By.id("call-notes")).sendKeys("Talked about the team; she prefers mornings.");
        browser.findElement(By.xpath("//button[text()='Log the call']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), "Call logged."));
        assertThat(browser.findElement(By.cssSelector("#conversation ol.thread"))
                        .getText())
                .contains("Call (outbound)", "she prefers mornings", "connected, 10 min");

        // An interview: two times offered; Noor books the second through her link.
        browser.findElement(By.xpath("//summary[text()='Schedule an interview']"))
                .click();
        List<WebElement> slots = browser.findElements(By.cssSelector("#conversation input[name=slot]"));
        LocalDateTime first = LocalDateTime.now().plusDays(3).withHour(10).truncatedTo(ChronoUnit.HOURS);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(
                "arguments[0].value = arguments[1]",
                slots.get(0),
                first.toString().substring(0, 16));
        js.executeScript(
                "arguments[0].value = arguments[1]",
                slots.get(1),
                first.plusDays(1).toString().substring(0, 16));
        browser.findElement(By.id("interview-location")).sendKeys("https://meet.example.com/noor");
        browser.findElement(By.xpath("//button[text()='Propose times']")).click();
        // (what stays: the notice may already be replaced by the live refresh the invitation email's sending causes)
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("conversation"), "2 time(s) offered, waiting for the candidate"));
        screenshot(browser, "interview-proposed");

        browser.switchTo().window(noorTab);
        openMail(browser, wait, noorMail, "Interview invitation: Interview");
        browser.findElement(By.partialLinkText("/api/v1/communications/bookings/"))
                .click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Interview"));
        List<WebElement> times = browser.findElements(By.cssSelector("input[name=slot]"));
        assertThat(times).hasSize(2);
        screenshot(browser, "booking-page");
        times.get(1).click();
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Booked"));
        screenshot(browser, "booked");
        openMail(browser, wait, noorMail, "Interview booked: Interview");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("calendar invitation attached");

        // The recruiter sees the booking without a reload.
        browser.switchTo().window(recruiterTab);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), "Booked"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('conversation').scrollIntoView()");
        screenshot(browser, "interview-booked");
        browser.switchTo().window(noorTab).close();
        browser.switchTo().window(recruiterTab);

        // The bell says so, by itself: the reply and the booking; its page lists them; all read, the count goes.
        wait.until(d -> !d.findElements(By.cssSelector("#bell .count")).isEmpty());
        browser.findElement(By.id("bell")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Notifications"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Interview booked"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("A candidate replied");
        screenshot(browser, "notifications");

        // …and by email, while unread: the reply reached the recruiter's own mailbox (notification →
        // communication → SMTP).
        openMail(browser, wait, recruiterMail, "OpenHire: A candidate replied");
        assertThat(browser.findElement(By.cssSelector(".mail-text")).getText())
                .contains("A candidate replied - Their answer is in the conversation.", "/candidates/of/");
        screenshot(browser, "recruiter-emailed");

        browser.get(baseUrl + "/notifications");
        browser.findElement(By.id("mark-all-read")).click();
        // The list is swapped while it is read (the live stream refreshes it): Chrome may then answer that the node
        // left the document, which is not the stale-element error a wait ignores by itself.
        new WebDriverWait(browser, Duration.ofSeconds(90))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "0 unread"));
        wait.until(d -> d.findElements(By.cssSelector("#bell .count")).isEmpty());
    }

    private void clientReviewsTheShortlist(
            WebDriver browser, WebDriverWait wait, String email, String password, String noorResume, String jobPage)
            throws IOException {
        String clientEmail = "cleo-" + UUID.randomUUID().toString().substring(0, 8) + "@harbour.test";
        TestHttp api = new TestHttp(baseUrl);
        String admin = api.post("/api/v1/users/login", map("email", email, "password", password))
                .json()
                .get("access_token")
                .asString();
        TestHttp.Response added = api.post(
                "/api/v1/users",
                map("email", clientEmail, "name", "Cleo Harbour", "role", "CLIENT", "password", password),
                bearer(admin));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        // The demo's own client is made in the background once the demo pipelines are filled; it links the first
        // demo job, which this flow links to another client: after it, not before.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofMinutes(5))
                .pollInterval(java.time.Duration.ofSeconds(2))
                .until(() -> {
                    for (JsonNode company :
                            api.get("/api/v1/clients", bearer(admin)).json()) {
                        if (company.path("name").asString().equals("Northwind Logistics")
                                && !company.path("jobIds").isEmpty()) {
                            return true;
                        }
                    }
                    return false;
                });

        browser.get(baseUrl + "/clients");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Clients"));
        browser.findElement(By.id("client-name")).sendKeys("Harbour & Co");
        browser.findElement(By.cssSelector("#new-client button")).click();
        WebElement harbour = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section[aria-label='Harbour & Co']")));
        new Select(harbour.findElement(By.name("userId"))).selectByVisibleText("Cleo Harbour (" + clientEmail + ")");
        harbour.findElement(By.cssSelector("form select[name=userId] ~ button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("section[aria-label='Harbour & Co']"), "Cleo Harbour"));
        screenshot(browser, "clients");

        browser.get(jobPage);
        WebElement select = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("job-client-select")));
        new Select(select).selectByVisibleText("Harbour & Co");
        browser.findElement(By.cssSelector("#job-client button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-client"), "Saved."));

        browser.get(noorResume);
        WebElement share = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//section[@id='person']//button[normalize-space()='Share with client (blind)']")));
        share.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("person"), "Shared with Harbour & Co (blind)"));
        screenshot(browser, "shared-with-client");

        WebDriver client = start();
        try {
            WebDriverWait clientWait = new WebDriverWait(client, Duration.ofSeconds(60));
            client.get(baseUrl + "/");
            clientWait.until(ExpectedConditions.urlContains("/login"));
            signIn(client, clientEmail, password);
            clientWait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Your shortlists"));
            String menu =
                    client.findElement(By.cssSelector("nav[aria-label=Main]")).getText();
            assertThat(menu).contains("Shortlists").doesNotContain("Jobs", "Candidates", "Sources", "Mail", "System");
            assertThat(client.findElements(By.cssSelector("#client-jobs tbody tr")))
                    .hasSize(1);
            client.findElement(By.linkText(DEMO_JOB)).click();
            clientWait.until(ExpectedConditions.textToBe(By.tagName("h1"), DEMO_JOB));
            // Only what was shared with this client: Noor (the demo's shares on this job were Northwind's).
            assertThat(client.findElements(By.cssSelector("#shortlist-cards li.card")))
                    .hasSize(1);
            WebElement card = client.findElement(By.cssSelector("#shortlist-cards li.card"));
            assertThat(card.getText()).contains("Candidate ").contains("Blind");
            assertThat(client.getPageSource()).doesNotContain("Noor", "noor.haddad@example.com");
            screenshot(client, "client-shortlist");
            card.findElement(By.cssSelector("input[name=verdict][value=UP]")).click();
            card.findElement(By.name("comment")).sendKeys("Strong Kafka background: let's meet her.");
            card.findElement(By.name("requestInterview")).click();
            card.findElement(By.cssSelector("button[type=submit]")).click();
            clientWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("client-notice")));
            assertThat(client.findElement(By.cssSelector("#shortlist-cards li.card"))
                            .getText())
                    .contains("asked for an interview");
            screenshot(client, "client-feedback-sent");
            // Another page of the organisation: not for a client.
            client.get(baseUrl + "/jobs");
            assertThat(client.getPageSource()).doesNotContain(DEMO_JOB);
        } finally {
            client.quit();
        }
        browser.get(noorResume);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("person"), "asks for an interview"));
        assertThat(browser.findElement(By.id("person")).getText()).contains("Strong Kafka background");
        screenshot(browser, "client-feedback-on-the-card");
    }

    private void candidateSignsInByLink(WebDriver browser, WebDriverWait wait, String organizationId)
            throws IOException {
        String ines = "ines.moreau@example.org";
        WebDriver candidate = start();
        try {
            WebDriverWait candidateWait = new WebDriverWait(candidate, Duration.ofSeconds(60));
            candidate.get(baseUrl + "/careers/" + organizationId + "/sign-in");
            candidate.findElement(By.id("email")).sendKeys(ines);
            candidate.findElement(By.cssSelector("#link-form button")).click();
            candidateWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("link-sent")));
            screenshot(candidate, "portal-link-sent");

            // Her mailbox (the all-in-one's Mail page): the link.
            openMail(browser, wait, ines, "Your sign-in link");
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("/portal/sign-in\\?token=[A-Za-z0-9_%.~-]+")
                    .matcher(browser.getPageSource());
            assertThat(link.find()).as("a sign-in link in the email").isTrue();

            candidate.get(baseUrl + link.group());
            candidateWait
                    .until(ExpectedConditions.elementToBeClickable(By.id("redeem")))
                    .click();
            candidateWait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Your applications"));
            assertThat(candidate.findElement(By.id("my-applications")).getText())
                    .contains(DEMO_JOB, "Applied");
            assertThat(candidate
                            .findElement(By.cssSelector("nav[aria-label=Main]"))
                            .getText())
                    .contains("My applications")
                    .doesNotContain("Jobs", "Candidates", "Mail");
            screenshot(candidate, "portal");
            WebElement title = candidate.findElement(By.id("f-currentTitle"));
            title.clear();
            title.sendKeys("Senior Backend Engineer");
            candidate
                    .findElement(By.cssSelector("#receipt button[type=submit]"))
                    .click();
            candidateWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("portal-notice"), "Saved"));
            assertThat(candidate.findElement(By.id("f-currentTitle")).getAttribute("value"))
                    .isEqualTo("Senior Backend Engineer");
            screenshot(candidate, "portal-corrected");
            // Her data: a zip (fetched as the download link would).
            Object zip = ((org.openqa.selenium.JavascriptExecutor) candidate).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/portal/export').then(r => r.arrayBuffer().then(b => {
                        const bytes = new Uint8Array(b);
                        done(r.status + ' ' + r.headers.get('content-type') + ' ' + String.fromCharCode(bytes[0], bytes[1])
                            + ' ' + bytes.length);
                    }));
                    """);
            assertThat(String.valueOf(zip)).startsWith("200 application/zip PK");
            // The link works once.
            candidate.manage().deleteAllCookies();
            candidate.get(baseUrl + link.group());
            candidateWait
                    .until(ExpectedConditions.elementToBeClickable(By.id("redeem")))
                    .click();
            candidateWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
        } finally {
            candidate.quit();
        }
    }

    /** Noor's (or anyone's) mailbox on the Mail page, until the message with this subject is there; opens it. */
    private void openMail(WebDriver browser, WebDriverWait wait, String address, String subject) {
        wait.until(d -> {
            d.get(baseUrl + "/mail?address=" + address);
            return !d.findElements(By.linkText(subject)).isEmpty();
        });
        browser.findElement(By.linkText(subject)).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), subject));
    }

    private WebDriver start() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root in a container, without the network: no sandbox, no background connections.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory(workDir, "chromium-profile"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(driver, options);
    }

    private static void signIn(WebDriver browser, String email, String password) {
        WebElement field = browser.findElement(By.id("email"));
        field.clear();
        field.sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    /** "Add to job" on a ranking line: the line says where they are, and the board shows their card. */
    private static void addToJob(WebDriver browser, WebDriverWait wait, String candidateId) {
        // (the ranking reloads itself when applications change: a button found just before is found again)
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#pipeline-" + candidateId + " button"))
                    .click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("pipeline-" + candidateId), "In the pipeline: Applied"));
        wait.until(d -> !d.findElements(
                        By.cssSelector("#board .stage-column[data-category=APPLIED] .card-item[data-candidate-id='"
                                + candidateId + "']"))
                .isEmpty());
    }

    /** The keyboard way: the card's "Move to" list and its button. */
    private static void moveWithTheKeyboard(WebDriver browser, WebDriverWait wait, String candidateId, String stage) {
        // The board reloads itself when any application of the organisation changes (the demo's own pipelines
        // fill in the background): a card found just before a reload is gone, so it is found again.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement card =
                    d.findElement(By.cssSelector("#board .card-item[data-candidate-id='" + candidateId + "']"));
            new Select(card.findElement(By.cssSelector("form.move select"))).selectByVisibleText(stage);
            card.findElement(By.cssSelector("form.move button")).click();
            return true;
        });
        wait.until(d -> !d.findElements(By.cssSelector("#board .stage-column[data-category=" + stage.toUpperCase()
                        + "] .card-item[data-candidate-id='" + candidateId + "']"))
                .isEmpty());
    }

    /**
     * Drag and drop as the browser sends it (HTML5 drag events with a data transfer: WebDriver's own drag does
     * not fire them in Chromium).
     */
    private static void dragToStage(WebDriver browser, WebDriverWait wait, String candidateId, String category) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const card = document.querySelector('#board .card-item[data-candidate-id="' + arguments[0] + '"]');
                const column = document.querySelector('#board .stage-column[data-category="' + arguments[1] + '"]');
                const data = new DataTransfer();
                card.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
                column.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
                column.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
                card.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: data}));
                """, candidateId, category);
        wait.until(d -> !d.findElements(By.cssSelector("#board .stage-column[data-category=" + category
                        + "] .card-item[data-candidate-id='" + candidateId + "']"))
                .isEmpty());
    }

    /** An anonymous person in a browser of their own: the career site, the job, the form with a resume. */
    private void applyOnTheCareerSite(String organizationId, String jobId, String name) throws IOException {
        WebDriver anonymous = start();
        try {
            WebDriverWait wait = new WebDriverWait(anonymous, Duration.ofSeconds(60));
            anonymous.get(baseUrl + "/careers/" + organizationId);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Open positions"));
            screenshot(anonymous, "career-site");
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText(DEMO_JOB)))
                    .click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), DEMO_JOB));
            assertThat(anonymous.getPageSource()).contains("application/ld+json");
            anonymous.findElement(By.id("name")).sendKeys(name);
            anonymous.findElement(By.id("email")).sendKeys("ines.moreau@example.org");
            anonymous
                    .findElement(By.id("resume"))
                    .sendKeys(write(
                                    "ines-moreau-cv.pdf",
                                    TestDocuments.pdf(List.of(
                                            name,
                                            "ines.moreau@example.org · Lyon, France",
                                            "Backend developer: Java, Spring Boot, PostgreSQL, Kafka.",
                                            "2019 – now  Backend Engineer, Transports Rhône")))
                            .toString());
            anonymous.findElement(By.name("consent")).click();
            screenshot(anonymous, "career-apply-form");
            anonymous.findElement(By.cssSelector("#apply button[type=submit]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("applied")));
            assertThat(anonymous.findElement(By.id("applied")).getText()).contains("we received your application");
            screenshot(anonymous, "career-applied");
        } finally {
            anonymous.quit();
        }
    }

    private String organizationId(String email, String password) {
        TestHttp api = new TestHttp(baseUrl);
        String token = api.post("/api/v1/users/login", map("email", email, "password", password))
                .json()
                .get("access_token")
                .asString();
        return api.get("/api/v1/users/profile", bearer(token))
                .json()
                .get("organization")
                .get("id")
                .asString();
    }

    private String feedbackOutcomes(String email, String password, String jobId) {
        TestHttp api = new TestHttp(baseUrl);
        String token = api.post("/api/v1/users/login", map("email", email, "password", password))
                .json()
                .get("access_token")
                .asString();
        JsonNode feedback = api.get("/api/v1/matches/feedback?jobId=" + jobId, bearer(token))
                .json();
        return feedback.toString();
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = workDir.resolve(name);
        Files.write(file, content);
        return file.toAbsolutePath();
    }

    private void screenshot(WebDriver browser, String step) {
        try {
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(screenshots.resolve(String.format("%02d-%s.png", ++shot, step)), png);
        } catch (IOException | RuntimeException e) {
            // a missing screenshot must not hide the assertion that failed
        }
    }

    static final List<String> NOOR = List.of(
            "Noor Haddad",
            "Senior Backend Engineer",
            "noor.haddad@example.com | +49 30 5550 9981 | Berlin, Germany",
            "SUMMARY",
            "Backend engineer with 7 years of experience in Java, Spring Boot and Apache Kafka.",
            "EXPERIENCE",
            "Senior Backend Engineer, Routewise GmbH, Berlin",
            "January 2021 - Present",
            "- Builds Java and Spring Boot services for parcel routing",
            "- Runs Apache Kafka event streams and PostgreSQL databases",
            "- Deploys on Kubernetes and Docker",
            "Backend Developer, Shoply, Berlin",
            "March 2018 - December 2020",
            "- REST APIs in Java and Spring",
            "EDUCATION",
            "B.Sc. Computer Science, Humboldt University of Berlin, 2018",
            "SKILLS",
            "Java, Spring Boot, Apache Kafka, PostgreSQL, Kubernetes, Docker, REST APIs");

    static final List<String> JONAS = List.of(
            "Jonas Weber",
            "Registered Nurse",
            "jonas.weber@example.com | +1 512 555 0163 | Austin, TX",
            "SUMMARY",
            "Registered nurse with 4 years of experience in critical care.",
            "EXPERIENCE",
            "ICU Nurse, Capital Medical Center, Austin, TX",
            "May 2021 - Present",
            "- Intensive care for ventilated adult patients",
            "EDUCATION",
            "Bachelor of Science in Nursing, Texas State University, 2021",
            "CERTIFICATIONS",
            "Registered Nurse license, Basic Life Support, Advanced Cardiac Life Support",
            "SKILLS",
            "intensive care, critical care, patient assessment, medication administration");
}
