package io.openhire.identity.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openhire.platform.errors.DomainException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsALongPassphraseWithoutCompositionRules() {
        assertThatCode(() -> policy.check("purple elephants dance at noon", "dana@example.com", "Dana Reyes"))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesShortCommonRepetitiveOrPersonalPasswords() {
        assertThatThrownBy(() -> policy.check("short1!", "a@b.c", "A")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> policy.check("Password1234", "a@b.c", "A")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> policy.check("aaaaaaaaaaaaaaaa", "a@b.c", "A")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> policy.check("my-dana.reyes-2026", "dana.reyes@example.com", "D"))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> policy.check("reyes and more words", "x@example.com", "Dana Reyes"))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> policy.check("x".repeat(129) + "yz1", "x@example.com", "D"))
                .isInstanceOf(DomainException.class);
    }
}
