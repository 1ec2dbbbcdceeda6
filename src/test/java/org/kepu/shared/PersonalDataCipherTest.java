package org.kepu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataCipherTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsWithRandomNoncesAndDetectsTampering() {
        var cipher = new PersonalDataCipher(new byte[32]);
        String a = cipher.encrypt("13812341234");
        String b = cipher.encrypt("13812341234");
        assertThat(a).startsWith("v1:").isNotEqualTo(b).doesNotContain("1381234");
        assertThat(cipher.decrypt(a)).isEqualTo("13812341234");
        assertThat(cipher.encrypt(null)).isNull();

        byte[] raw = Base64.getDecoder().decode(a.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> new PersonalDataCipher(other).decrypt(a)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keyComesFromTheEnvironmentOrAFileCreatedOnce() throws Exception {
        Path file = dir.resolve("keys/data.key");
        byte[] first = PersonalDataCipher.loadKey(null, file);
        assertThat(Files.exists(file)).isTrue();
        assertThat(PersonalDataCipher.loadKey(" ", file)).isEqualTo(first);
        byte[] env = new byte[32];
        env[5] = 7;
        assertThat(PersonalDataCipher.loadKey(Base64.getEncoder().encodeToString(env), file)).isEqualTo(env);
        assertThatThrownBy(() -> PersonalDataCipher.loadKey("c2hvcnQ=", file)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void masksPhones() {
        assertThat(PersonalDataCipher.maskPhone("13812341234")).isEqualTo("138****1234");
        assertThat(PersonalDataCipher.maskPhone("07974822345")).isEqualTo("079****2345");
        assertThat(PersonalDataCipher.maskPhone("4822345")).isEqualTo("***2345");
        assertThat(PersonalDataCipher.maskPhone(null)).isNull();
    }
}
