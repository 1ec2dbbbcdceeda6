package org.kepu.identity.internal;

import java.time.LocalDate;
import org.kepu.shared.Role;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The account form of the system admin. {@code divisionCode} is the scope of division roles, {@code unitId} that
 * of member-unit roles; {@code expiresOn} is required for evaluators (their access is time-limited).
 */
public record AccountForm(String username, String displayName, Role role, String divisionCode, Long unitId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn, Integer version) {

    public static AccountForm empty() {
        return new AccountForm("", "", null, "", null, null, null);
    }

    public static AccountForm of(AccountView a) {
        return new AccountForm(a.username(), a.displayName(), a.role(), a.divisionCode(), a.unitId(),
                a.expiresAt() == null ? null : a.expiresAt().atZoneSameInstant(Zones.CHINA).toLocalDate()
                        .minusDays(1),
                a.version());
    }
}
