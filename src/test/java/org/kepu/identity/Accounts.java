package org.kepu.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.kepu.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Test accounts with real passwords, and sign-in through the real form. */
public final class Accounts {

    public static final String PASSWORD = "Test#Pass2026";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    public Accounts(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** A unique user name with the given prefix. */
    public static String unique(String prefix) {
        return prefix + "_" + System.nanoTime() % 1_000_000 + "_" + SEQ.incrementAndGet();
    }

    public long create(String username, Role role, String divisionCode, boolean mustChange,
            OffsetDateTime expiresAt) {
        String path = divisionCode == null ? null
                : jdbc.sql("select path from division where code = :c").param("c", divisionCode)
                        .query(String.class).single();
        return jdbc.sql("""
                insert into app_user (username, display_name, password_hash, role, division_code, division_path,
                                      must_change_password, expires_at)
                values (:u, :u, :h, :r, :dc, :dp, :m, :e) returning id
                """).param("u", username).param("h", encoder.encode(PASSWORD)).param("r", role.name())
                .param("dc", divisionCode).param("dp", path).param("m", mustChange).param("e", expiresAt)
                .query(Long.class).single();
    }

    public static MvcResult login(MockMvc mvc, String username, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password))
                .andReturn();
    }

    /** The session cookie set by a response (Spring Session JDBC). */
    public static Cookie sessionCookie(MvcResult result) {
        Cookie c = result.getResponse().getCookie("KEPU_SESSION");
        if (c == null) {
            throw new AssertionError("no session cookie in response");
        }
        return c;
    }
}
