package io.github.atlascredentials.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * This module's tests run with the test-JVM setting guide 5 suggests for the extension (C1 only, which a
 * short-lived JVM starts the in-process emulator faster with; docs/benchmarks.md, section 3b): the
 * Surefire configuration of emulator-junit/pom.xml is the documented one and reaches the JVM.
 */
class TestJvmSettingsTest {

    @Test
    void testsRunWithTheDocumentedJitSetting() {
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
                .as("the test JVM's options (emulator-junit/pom.xml, surefire argLine)")
                .contains("-XX:TieredStopAtLevel=1");
    }
}
