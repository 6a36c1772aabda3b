package io.github.atlascredentials.client.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces known secret values (the credential's secret or private key, access tokens) in text
 * that comes from the network before it reaches an exception message, an accessor or a log line.
 * Each secret is masked in every form it travels in: plain, URL-encoded, and for a service
 * account the Base64 of {@code clientId:secret} that HTTP Basic sends (standard and URL-safe
 * alphabets, each also URL-encoded). Mask whole texts before cutting excerpts out of them.
 */
public final class Redactor {
    private static final String MASK = "****";
    private static final int MIN_SECRET_LENGTH = 6;
    /** Longest first, so that a form containing another is masked whole; replaced, never mutated. */
    private volatile List<String> forms = List.of();

    /** Masks {@code secret} in its plain and URL-encoded forms. */
    public void register(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
            add(formsOf(secret));
        }
    }

    /** Masks the secret and the HTTP Basic forms of {@code clientId:secret}. */
    public void registerBasic(String clientId, String secret) {
        register(secret);
        byte[] pair = (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8);
        for (Base64.Encoder encoder : List.of(
                Base64.getEncoder(),
                Base64.getUrlEncoder(),
                Base64.getEncoder().withoutPadding(),
                Base64.getUrlEncoder().withoutPadding())) {
            add(formsOf(encoder.encodeToString(pair)));
        }
    }

    public synchronized void forget(String secret) {
        if (secret != null) {
            List<String> kept = new ArrayList<>(forms);
            kept.removeAll(formsOf(secret));
            forms = List.copyOf(kept);
        }
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String form : forms) {
            result = result.replace(form, MASK);
        }
        return result;
    }

    private static Set<String> formsOf(String secret) {
        Set<String> all = new LinkedHashSet<>();
        all.add(secret);
        all.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        all.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
        return all;
    }

    private synchronized void add(Set<String> newForms) {
        List<String> merged = new ArrayList<>(forms);
        for (String form : newForms) {
            if (!merged.contains(form)) {
                merged.add(form);
            }
        }
        merged.sort(Comparator.comparingInt(String::length).reversed());
        forms = List.copyOf(merged);
    }
}
