package io.github.atlascredentials.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} test parameter that {@link AtlasEmulatorExtension} fills with the emulator's
 * base URL, such as {@code http://127.0.0.1:41234} (no trailing slash). A {@code URI} parameter needs
 * no annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface EmulatorBaseUrl {}
