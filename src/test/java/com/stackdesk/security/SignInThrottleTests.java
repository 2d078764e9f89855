package com.stackdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stackdesk.IntegrationTest;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password guessing is throttled per username and client address, and per address: concurrent
 * guesses cannot get more password checks than the limit, and what a refusal says gives away
 * neither a password nor whether a username exists.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(SignInThrottleTests.Outcomes.class)
class SignInThrottleTests {

    /** Spring Security's own events, one per sign-in attempt: what happened to each, by kind. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Outcomes {

        final AtomicInteger wrongPassword = new AtomicInteger();
        final AtomicInteger refusedUnchecked = new AtomicInteger();
        final AtomicInteger signedIn = new AtomicInteger();

        @EventListener
        void on(AuthenticationFailureBadCredentialsEvent e) {
            wrongPassword.incrementAndGet();
        }

        @EventListener
        void on(AuthenticationFailureLockedEvent e) {
            refusedUnchecked.incrementAndGet();
        }

        @EventListener
        void on(AuthenticationSuccessEvent e) {
            signedIn.incrementAndGet();
        }

        void reset() {
            wrongPassword.set(0);
            refusedUnchecked.set(0);
            signedIn.set(0);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    StaffMembers staff;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    AuthenticationConfiguration authentication;

    @Autowired
    Outcomes outcomes;

    AuthenticationManager manager;

    @BeforeEach
    void setUp() throws Exception {
        manager = authentication.getAuthenticationManager();
    }

    private StaffMember newRep() {
        return TestStaff.member("rep-" + TestStaff.suffix())
                .fullName("Test Rep")
                .passwordHash(passwords.encode("right-password"))
                .save(staff);
    }

    private void signIn(String username, String password, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        manager.authenticate(token);
    }

    @Test
    void aBlockedUnknownUsernameReadsLikeABlockedRealOne() {
        var rep = newRep();
        var unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (var username : new String[] {rep.getUsername(), unknown}) {
            for (int i = 1; i <= LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS; i++) {
                assertThatThrownBy(() -> signIn(username, "wrong", "198.51.100.7"))
                        .isInstanceOf(BadCredentialsException.class);
            }
            assertThatThrownBy(() -> signIn(username, "wrong", "198.51.100.7")).isInstanceOf(LockedException.class);
        }
        assertThatThrownBy(() -> signIn(rep.getUsername(), "right-password", "198.51.100.7"))
                .as("no answer tells the blocked address that this password is right")
                .isInstanceOf(LockedException.class);
    }

    @Test
    void aDeactivatedAccountIsNamedAsSuchOnlyToWhoeverKnowsThePassword() {
        var rep = TestStaff.deactivate(staff, newRep());

        assertThatThrownBy(() -> signIn(rep.getUsername(), "wrong", "198.51.100.8"))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn(rep.getUsername(), "right-password", "198.51.100.8"))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void oneAddressTryingManyUsernamesIsStoppedToo() {
        for (int i = 1; i <= LoginThrottle.MAX_PER_ADDRESS; i++) {
            var username = "spray-" + i + "-" + UUID.randomUUID().toString().substring(0, 4);
            assertThatThrownBy(() -> signIn(username, "Summer2026!", "198.51.100.9"))
                    .isInstanceOf(BadCredentialsException.class);
        }
        var rep = newRep();

        assertThatThrownBy(() -> signIn(rep.getUsername(), "right-password", "198.51.100.9"))
                .isInstanceOf(LockedException.class);
        signIn(rep.getUsername(), "right-password", "198.51.100.10");
    }

    @Test
    void ipv6ClientsCountPerNetwork() {
        var rep = newRep();
        for (int i = 1; i <= LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS; i++) {
            var address = "2001:db8:1:2::" + Integer.toHexString(i);
            assertThatThrownBy(() -> signIn(rep.getUsername(), "wrong", address))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> signIn(rep.getUsername(), "wrong", "2001:db8:1:2:ffff::1"))
                .isInstanceOf(LockedException.class);
        signIn(rep.getUsername(), "right-password", "2001:db8:1:3::1");
    }

    /**
     * 24 wrong passwords and the right one at once over HTTP Basic. Each attempt first reserves a
     * slot in one atomic UPDATE; only reserved attempts get their password checked. So, unless the
     * right password happened to be among the first five (then it gets in and the count starts
     * afresh), exactly five passwords are checked and the other twenty are refused unchecked, the
     * right one among them.
     */
    @Test
    void concurrentGuessesGetNoMorePasswordChecksThanTheLimit() {
        var rep = newRep();
        var client = HttpClient.newHttpClient();
        outcomes.reset();
        var answers = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 25; i++) {
            var password = i == 12 ? "right-password" : "wrong-" + i;
            var basic = Base64.getEncoder()
                    .encodeToString((rep.getUsername() + ":" + password).getBytes(StandardCharsets.UTF_8));
            answers.add(client.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/leads/SD-NONE00"))
                            .header("Authorization", "Basic " + basic)
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        var statuses = answers.stream().map(a -> a.join().statusCode()).toList();

        long refused = statuses.stream().filter(s -> s == 401).count();
        assertThat(outcomes.wrongPassword.get() + outcomes.refusedUnchecked.get() + outcomes.signedIn.get())
                .as("every attempt accounted for")
                .isEqualTo(25);
        if (outcomes.signedIn.get() == 0) {
            assertThat(refused).isEqualTo(25);
            assertThat(outcomes.wrongPassword.get()).isEqualTo(LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS);
            assertThat(outcomes.refusedUnchecked.get()).isEqualTo(20);
        } else {
            assertThat(refused).isEqualTo(24);
            assertThat(outcomes.wrongPassword.get())
                    .as("at most four before the right one and five after it")
                    .isLessThanOrEqualTo(2 * LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS - 1);
        }
    }

    @Test
    void onceTheLimitIsReachedEvenConcurrentRightPasswordsFromThatAddressAreRefused() {
        var rep = newRep();
        for (int i = 1; i <= LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS; i++) {
            assertThatThrownBy(() -> signIn(rep.getUsername(), "wrong", "198.51.100.11"))
                    .isInstanceOf(BadCredentialsException.class);
        }
        outcomes.reset();

        var attempts = new ArrayList<CompletableFuture<Boolean>>();
        for (int i = 0; i < 10; i++) {
            var password = i % 2 == 0 ? "right-password" : "wrong";
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    signIn(rep.getUsername(), password, "198.51.100.11");
                    return true;
                } catch (LockedException refused) {
                    return false;
                }
            }));
        }

        assertThat(attempts.stream().map(CompletableFuture::join)).containsOnly(false);
        assertThat(outcomes.wrongPassword.get()).isZero();
    }
}
