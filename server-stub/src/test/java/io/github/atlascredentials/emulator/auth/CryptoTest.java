package io.github.atlascredentials.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The shapes of generated secrets and identifiers, and that every random bit is really used. */
class CryptoTest {

    @Test
    void uuidsAreVersion4WithEveryOtherBitRandom() {
        long msbOr = 0;
        long msbAnd = -1;
        long lsbOr = 0;
        long lsbAnd = -1;
        for (int i = 0; i < 2_000; i++) {
            UUID uuid = Crypto.randomUuid();
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(UUID.fromString(uuid.toString())).isEqualTo(uuid);
            msbOr |= uuid.getMostSignificantBits();
            msbAnd &= uuid.getMostSignificantBits();
            lsbOr |= uuid.getLeastSignificantBits();
            lsbAnd &= uuid.getLeastSignificantBits();
        }
        // Fixed bits: version 0100 in msb bits 12..15, variant 10 in lsb bits 62..63; all others vary.
        assertThat(msbOr).isEqualTo(~0xB000L);
        assertThat(msbAnd).isEqualTo(0x4000L);
        assertThat(lsbOr).isEqualTo(~0x4000_0000_0000_0000L);
        assertThat(lsbAnd).isEqualTo(0x8000_0000_0000_0000L);
    }

    @Test
    void urlSafeStringsUseExactlyTheSixtyFourSymbols() {
        String text = Crypto.randomUrlSafe(4_000);
        assertThat(text).hasSize(4_000).matches("[A-Za-z0-9_-]+");
        Set<Integer> symbols = new HashSet<>();
        text.chars().forEach(symbols::add);
        assertThat(symbols).hasSize(64);
    }

    @Test
    void lowercaseStringsHaveTheLengthAskedAndEveryLetter() {
        assertThat(Crypto.randomLowercase(0)).isEmpty();
        assertThat(Crypto.randomLowercase(1)).matches("[a-z]");
        String text = Crypto.randomLowercase(2_000);
        assertThat(text).hasSize(2_000).matches("[a-z]+");
        Set<Integer> letters = new HashSet<>();
        text.chars().forEach(letters::add);
        assertThat(letters).hasSize(26);
    }

    @Test
    void urlSafeMapsTheLowSixBitsOfEachByteFromTheOffset() {
        byte[] random = {9, 0, 63, 64, (byte) 255, 26, 52, 62};
        assertThat(Crypto.urlSafe(random, 1, 7)).isEqualTo("A-A-a0_");
        assertThat(Crypto.urlSafe(random, 0, 1)).isEqualTo("J");
    }

    @Test
    void objectIdsFollowMongoDbsLayoutSoTheyGrowWithTime() {
        String early = Crypto.objectId(0x65f0_0000L, 0x00ff_fffe);
        String sameSecond = Crypto.objectId(0x65f0_0000L, 0x00ff_ffff);
        String later = Crypto.objectId(0x65f0_0001L, 0);
        assertThat(early).startsWith("65f00000").endsWith("fffffe");
        assertThat(later).startsWith("65f00001").endsWith("000000");
        // The 5 bytes in the middle are the process's own, the same in every id it makes.
        assertThat(early.substring(8, 18)).isEqualTo(later.substring(8, 18));
        assertThat(early).isLessThan(sameSecond).isLessThan(later);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Crypto.objectId());
        }
        assertThat(ids).hasSize(10_000);
        long seconds = Long.parseLong(Crypto.objectId().substring(0, 8), 16);
        assertThat(seconds).isCloseTo(System.currentTimeMillis() / 1000, within(5L));
    }

    @Test
    void identifiersAndHexHaveTheirShapes() {
        assertThat(Crypto.objectId()).matches("[0-9a-f]{24}");
        assertThat(Crypto.randomHex(16)).matches("[0-9a-f]{32}");
        assertThat(Crypto.randomHex(16)).isNotEqualTo(Crypto.randomHex(16));
        assertThat(Crypto.randomBytes(7)).hasSize(7);
        assertThat(Crypto.hex(Crypto.unhex("00ff10"))).isEqualTo("00ff10");
        assertThat(Crypto.md5Hex("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(Crypto.hex(Crypto.sha256("abc".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void constantTimeComparisonsCompareWholeValues() {
        assertThat(Crypto.constantTimeEquals("abc", "abc")).isTrue();
        assertThat(Crypto.constantTimeEquals("abc", "abd")).isFalse();
        assertThat(Crypto.constantTimeEquals("abc", "ab")).isFalse();
        assertThat(Crypto.constantTimeEquals(new byte[] {1, 2}, new byte[] {1, 2}))
                .isTrue();
        assertThat(Crypto.constantTimeEquals(new byte[] {1, 2}, new byte[] {1, 3}))
                .isFalse();
        byte[] salt = {1, 2, 3};
        assertThat(Crypto.saltedSha256(salt, "s"))
                .isEqualTo(Crypto.saltedSha256(salt, "s"))
                .isNotEqualTo(Crypto.saltedSha256(new byte[] {1, 2, 4}, "s"));
    }
}
