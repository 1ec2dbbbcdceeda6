package org.kepu.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kepu.KepuIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.env.MockEnvironment;

@KepuIntegrationTest
class DivisionImportCommandTest {

    @Autowired
    DivisionImporter importer;

    @Autowired
    MessageSource messages;

    @TempDir
    Path dir;

    @Test
    void importsADirectoryAndReportsProblemsWithExitStatus() throws Exception {
        var data = new SyntheticDivisions("89");
        for (var e : data.files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = command(dir.toString(), "890101").runImport(print(out), print(err));
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("已导入 测试县（890101）", "新增 9 条");

        Files.writeString(dir.resolve("villages.csv"), data.files.get("villages.csv") + "8901010010,\"坏\",890101001,89,8901,890101\n");
        status = command(dir.toString(), "890101").runImport(print(out), print(err));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("villages.csv 第 6 行：「code」应为 12 位数字");
    }

    private DivisionImportCommand command(String source, String root) {
        var env = new MockEnvironment().withProperty("kepu.import-divisions", source)
                .withProperty("kepu.import-divisions.root", root);
        return new DivisionImportCommand(importer, env, messages, s -> { });
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
