package com.stackdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.DemoData;
import com.stackdesk.IntegrationTest;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionTrackingMode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in over real HTTP against the running app, as a browser does it: the login form's POST with
 * its CSRF token, the session cookie, redirects.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DemoData
class SigningInTests {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    StaffMembers staff;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ServletContext servletContext;

    static final String DEMO_PASSWORD = "stackdesk-demo";

    CookieManager cookies;
    HttpClient http;

    @BeforeEach
    void newBrowser() {
        cookies = new CookieManager();
        http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String csrfToken() throws IOException, InterruptedException {
        var matcher = CSRF.matcher(get("/login").body());
        assertThat(matcher.find()).as("the login page carries a CSRF token").isTrue();
        return matcher.group(1);
    }

    /** Posts a form, with more headers given as name, value, name, value. */
    private HttpResponse<String> post(String path, String form, String... headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Ana's sign-in with one more header a browser adds: the Origin or the Referer of the page that posts. */
    private HttpResponse<String> signInAsAnaWith(String header, String value) throws IOException, InterruptedException {
        var token = csrfToken();
        return post("/login", "username=ana&password=" + enc(DEMO_PASSWORD) + "&_csrf=" + enc(token), header, value);
    }

    private HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        var token = csrfToken();
        return post("/login", "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse("");
    }

    private StaffMember newRep(String password) {
        return TestStaff.member("rep-" + TestStaff.suffix())
                .fullName("Test Rep")
                .passwordHash(passwords.encode(password))
                .save(staff);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard", "/leads", "/leads/mine", "/leads/SD-ABC123", "/admin/staff", "/workspace"})
    void anonymousVisitorsOfStaffPagesAreSentToTheLoginPage(String path) throws Exception {
        var response = get(path);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).endsWith("/login");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/no-such-page", "/leads/SD-ABC123/more", "/pricing"})
    void anAddressThatIsNoPageReachesTheNotFoundPageSignedInOrNot(String path) throws Exception {
        assertThat(get(path).statusCode()).as("anonymous").isEqualTo(200);

        signIn("ana", DEMO_PASSWORD);
        assertThat(get(path).statusCode()).as("signed in, not a bare 403").isEqualTo(200);
    }

    @Test
    void theLoginAndPublicPagesStayOpen() throws Exception {
        assertThat(get("/login").statusCode()).isEqualTo(200);
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void aDemoRepSignsInToTheDashboardWithANewSessionId() throws Exception {
        get("/login");
        var anonymousSession = sessionId();

        var response = signIn("ana", DEMO_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).endsWith("/dashboard");
        assertThat(sessionId())
                .as("session fixation protection")
                .isNotEqualTo(anonymousSession)
                .isNotEmpty();
        assertThat(get("/leads").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        var response = signIn("ana", "wrong-password");

        assertThat(location(response)).endsWith("/login?error");
        assertThat(get("/leads").statusCode()).isEqualTo(302);
    }

    /** A browser on another machine: the same app, reached from another client address. */
    private HttpClient browserAt(String localAddress) throws IOException {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .localAddress(java.net.InetAddress.getByName(localAddress))
                .build();
    }

    private String signInFrom(HttpClient browser, String username, String password) throws Exception {
        var page = browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var token = csrfTokenOf(page.body());
        var response = browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return location(response);
    }

    @Test
    void fiveWrongPasswordsBlockThatUsernameFromThatAddressButNotItsOwnerElsewhere() throws Exception {
        var rep = newRep("right-password");
        var attacker = browserAt("127.0.0.3");
        var owner = browserAt("127.0.0.4");
        for (int i = 1; i <= 5; i++) {
            assertThat(signInFrom(attacker, rep.getUsername(), "wrong-" + i)).endsWith("/login?error");
        }

        assertThat(signInFrom(attacker, rep.getUsername(), "right-password"))
                .as("the address that guessed is blocked, even with the right password")
                .endsWith("/login?error");
        assertThat(signInFrom(owner, rep.getUsername(), "right-password"))
                .as("the owner still gets in from elsewhere")
                .endsWith("/dashboard");
    }

    @Test
    void aSuccessfulSignInResetsTheCountOfWrongPasswords() throws Exception {
        var rep = newRep("right-password");
        for (int i = 1; i <= 4; i++) {
            signIn(rep.getUsername(), "wrong-" + i);
        }
        assertThat(location(signIn(rep.getUsername(), "right-password"))).endsWith("/dashboard");
        newBrowser();

        for (int i = 1; i <= 4; i++) {
            signIn(rep.getUsername(), "wrong-again-" + i);
        }
        assertThat(location(signIn(rep.getUsername(), "right-password")))
                .as("four more wrong ones after a success do not block")
                .endsWith("/dashboard");
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefused() throws Exception {
        var response = signInAsAnaWith("Origin", "https://evil.example");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(get("/dashboard").statusCode()).as("not signed in").isEqualTo(302);
    }

    @Test
    void aSignInFromAnotherSiteThatSendsOnlyAReferrerIsRefused() throws Exception {
        var response = signInAsAnaWith("Referer", "https://evil.example/free-prizes.html");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(get("/dashboard").statusCode()).isEqualTo(302);
    }

    @Test
    void aSignInFromTheLoginPageItselfCarriesItsOwnOrigin() throws Exception {
        var response = signInAsAnaWith("Origin", "http://localhost:" + port);

        assertThat(location(response)).endsWith("/dashboard");
    }

    @Test
    void sessionsLiveInACookieOnlyAndEndAfterThirtyIdleMinutes() {
        assertThat(servletContext.getEffectiveSessionTrackingModes()).containsExactly(SessionTrackingMode.COOKIE);
        assertThat(servletContext.getSessionTimeout()).isEqualTo(30);
    }

    @Test
    void aDeactivatedAccountCannotSignIn() throws Exception {
        var rep = TestStaff.deactivate(staff, newRep("right-password"));

        assertThat(location(signIn(rep.getUsername(), "right-password"))).endsWith("/login?error");
    }

    @Test
    void signingOutInvalidatesTheSession() throws Exception {
        signIn("ben", DEMO_PASSWORD);
        var signedInSession = sessionId();
        assertThat(get("/dashboard").statusCode()).isEqualTo(200);
        var token = csrfTokenOf(get("/dashboard").body());

        var response = post("/logout", "_csrf=" + enc(token));

        assertThat(response.statusCode()).isEqualTo(302);
        // replaying the old session cookie must not get back in
        var replay = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard"))
                        .header("Cookie", "JSESSIONID=" + signedInSession)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).isEqualTo(302);
        assertThat(location(replay)).endsWith("/login");
    }

    private static String csrfTokenOf(String html) {
        var matcher = CSRF.matcher(html);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
