package com.stackdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffAccount;
import com.stackdesk.staff.StaffAdministration;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Deactivating, demoting or resetting the password of a staff member takes effect on their open
 * sessions at once (real sessions over HTTP, each with its own cookie), and on their API tokens.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EndingSessionsTests {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    StaffMembers staff;

    @Autowired
    StaffAdministration administration;

    @Autowired
    ApiTokens tokens;

    @Autowired
    PasswordEncoder passwords;

    StaffMember admin;
    StaffMember rep;

    @BeforeEach
    void setUp() {
        admin = member(Role.ADMIN);
        rep = member(Role.SALES);
    }

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    private StaffMember member(Role role) {
        return TestStaff.member(role.name().toLowerCase() + "-" + TestStaff.suffix())
                .fullName("Someone " + role.label())
                .email("someone@x.example")
                .passwordHash(passwords.encode("right-password"))
                .role(role)
                .save(staff);
    }

    /** A browser of its own, signed in as {@code member}. */
    private HttpClient signedIn(StaffMember member) throws Exception {
        var browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var matcher = CSRF.matcher(get(browser, "/login").body());
        assertThat(matcher.find()).isTrue();
        var response = browser.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + member.getUsername()
                                + "&password=right-password&_csrf="
                                + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/dashboard");
        assertThat(get(browser, "/dashboard").statusCode()).isEqualTo(200);
        return browser;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int apiStatusWith(String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri("/api/leads/SD-NONE00"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private String tokenOf(StaffMember member) {
        SignIn.as(app, member.getUsername());
        try {
            return tokens.create("script");
        } finally {
            SignIn.out(app);
        }
    }

    private static void assertSignedOut(HttpClient browser, HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void deactivatingAStaffMemberEndsBothOfTheirSessionsAndTheirTokens() throws Exception {
        var laptop = signedIn(rep);
        var phone = signedIn(rep);
        var token = tokenOf(rep);
        assertThat(apiStatusWith(token)).isNotEqualTo(401);

        SignIn.as(app, admin.getUsername());
        administration.setActive(rep.getId(), false);

        assertSignedOut(laptop, get(laptop, "/dashboard"));
        assertSignedOut(phone, get(phone, "/dashboard"));
        assertThat(apiStatusWith(token)).isEqualTo(401);
    }

    @Test
    void demotingAManagerEndsTheirSessionsSoTheOldRoleIsGone() throws Exception {
        var manager = member(Role.MANAGER);
        var browser = signedIn(manager);

        SignIn.as(app, admin.getUsername());
        var current = staff.findWithSkillsById(manager.getId()).orElseThrow();
        var demoted = StaffAccount.of(current);
        administration.update(
                current.getId(),
                current.getVersion(),
                new StaffAccount(
                        demoted.username(),
                        demoted.fullName(),
                        demoted.email(),
                        Role.SALES,
                        demoted.skills(),
                        demoted.generalist(),
                        demoted.capacity(),
                        demoted.weight()));

        assertSignedOut(browser, get(browser, "/dashboard"));
    }

    @Test
    void aPasswordResetEndsTheSessionsAndRevokesTheTokens() throws Exception {
        var browser = signedIn(rep);
        var token = tokenOf(rep);

        SignIn.as(app, admin.getUsername());
        administration.setPassword(rep.getId(), "a-brand-new-password");

        assertSignedOut(browser, get(browser, "/dashboard"));
        assertThat(apiStatusWith(token)).isEqualTo(401);
        assertThat(staff.findById(rep.getId()).orElseThrow().isPasswordChangeRequired())
                .as("a password someone else chose is changed at the next sign-in")
                .isTrue();
    }

    @Test
    void anEditThatLeavesRightsAloneKeepsTheSessions() throws Exception {
        var browser = signedIn(rep);

        SignIn.as(app, admin.getUsername());
        var current = staff.findWithSkillsById(rep.getId()).orElseThrow();
        administration.update(
                current.getId(), current.getVersion(), StaffAccount.of(current).withCapacity(3));

        assertThat(get(browser, "/dashboard").statusCode()).isEqualTo(200);
    }
}
