package org.kepu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsLongPasswordWithThreeClasses() {
        assertThat(PasswordPolicy.violations("zhangsan", "Spring2026river")).isEmpty();
        assertThat(PasswordPolicy.violations("zhangsan", "spring-2026-river")).isEmpty();
        assertThat(PasswordPolicy.violations("zhangsan", "SPRING#RIVER9")).isEmpty();
    }

    @Test
    void rejectsShortPasswords() {
        assertThat(PasswordPolicy.violations("zhangsan", "Ab1#xyz")).containsExactly("password.tooShort");
        assertThat(PasswordPolicy.violations("zhangsan", "Ab1#xyzabc")).isEmpty();
        assertThat(PasswordPolicy.violations("zhangsan", null)).containsExactly("password.tooShort");
    }

    @Test
    void requiresThreeCharacterClasses() {
        assertThat(PasswordPolicy.violations("zhangsan", "springriverlake")).containsExactly("password.tooFewClasses");
        assertThat(PasswordPolicy.violations("zhangsan", "springriver2026")).containsExactly("password.tooFewClasses");
        assertThat(PasswordPolicy.violations("zhangsan", "科普工作平台科普工作平台")).contains("password.tooFewClasses");
    }

    @Test
    void rejectsPasswordContainingTheUsernameInAnyCase() {
        assertThat(PasswordPolicy.violations("zhangsan", "ZhangSan#2026")).containsExactly("password.containsUsername");
        assertThat(PasswordPolicy.violations("li", "Spring#2026li")).containsExactly("password.containsUsername");
    }

    @Test
    void reportsEveryBrokenRule() {
        assertThat(PasswordPolicy.violations("abc", "abc")).containsExactlyInAnyOrder("password.tooShort",
                "password.tooFewClasses", "password.containsUsername");
    }

    @RepeatedTest(20)
    void generatedPasswordsSatisfyThePolicy() {
        assertThat(PasswordPolicy.violations("admin", RandomPasswords.generate("admin"))).isEmpty();
    }

    @Test
    void demoPasswordSatisfiesThePolicyForEveryDemoAccount() {
        for (String u : new String[] {"office", "liaison", "unithead", "township", "village", "teamleader",
            "volunteer", "leader", "evaluator", "sysadmin", "secadmin", "auditadmin"}) {
            assertThat(PasswordPolicy.violations(u, DemoAccounts.PASSWORD)).as(u).isEmpty();
        }
    }
}
