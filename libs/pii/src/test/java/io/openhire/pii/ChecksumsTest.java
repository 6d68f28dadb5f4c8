package io.openhire.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksumsTest {

    @Test
    void cardNumbersPassLuhnAndTypingErrorsDoNot() {
        assertThat(Checksums.luhn("4111 1111 1111 1111")).isTrue();
        assertThat(Checksums.luhn("5500-0000-0000-0004")).isTrue();
        assertThat(Checksums.luhn("378282246310005")).isTrue();
        assertThat(Checksums.luhn("4111 1111 1111 1112")).isFalse();
        assertThat(Checksums.luhn("0000 0000 0000 0000"))
                .as("a run of one digit")
                .isFalse();
        assertThat(Checksums.luhn("4111")).isFalse();
    }

    @Test
    void ibansPassMod97() {
        assertThat(Checksums.iban("DE89 3704 0044 0532 0130 00")).isTrue();
        assertThat(Checksums.iban("GB29NWBK60161331926819")).isTrue();
        assertThat(Checksums.iban("FR1420041010050500013M02606")).isTrue();
        assertThat(Checksums.iban("DE89 3704 0044 0532 0130 01")).isFalse();
        assertThat(Checksums.iban("DE00")).isFalse();
    }

    @Test
    void socialSecurityNumbersFollowTheIssuingRules() {
        assertThat(Checksums.usSsn("536-22-1234")).isTrue();
        assertThat(Checksums.usSsn("000-12-3456")).as("area 000").isFalse();
        assertThat(Checksums.usSsn("666-12-3456")).as("area 666").isFalse();
        assertThat(Checksums.usSsn("912-12-3456")).as("area 9xx").isFalse();
        assertThat(Checksums.usSsn("536-00-1234")).as("group 00").isFalse();
        assertThat(Checksums.usSsn("536-22-0000")).as("serial 0000").isFalse();
        assertThat(Checksums.usSsn("078-05-1120"))
                .as("the Woolworth wallet number")
                .isFalse();
    }

    @Test
    void nationalInsuranceNumbersFollowThePrefixRules() {
        assertThat(Checksums.ukNino("AB 12 34 56 C")).isTrue();
        assertThat(Checksums.ukNino("QQ123456C")).as("Q never issued").isFalse();
        assertThat(Checksums.ukNino("GB123456A")).as("GB never issued").isFalse();
        assertThat(Checksums.ukNino("AB123456E")).as("suffix A-D").isFalse();
    }

    @Test
    void nhsNumbersPassMod11() {
        assertThat(Checksums.ukNhs("943 476 5919")).isTrue();
        assertThat(Checksums.ukNhs("943 476 5918")).isFalse();
    }

    @Test
    void spanishIdsCarryTheirLetterAndDutchBsnsPassTheElevenTest() {
        assertThat(Checksums.esNif("12345678Z")).isTrue();
        assertThat(Checksums.esNif("12345678A")).isFalse();
        assertThat(Checksums.esNif("X1234567L")).as("an NIE").isTrue();
        assertThat(Checksums.nlBsn("111222333")).isTrue();
        assertThat(Checksums.nlBsn("111222334")).isFalse();
    }

    @Test
    void ipv4PartsAreBytes() {
        assertThat(Checksums.ipv4("192.168.10.1")).isTrue();
        assertThat(Checksums.ipv4("256.1.1.1")).isFalse();
        assertThat(Checksums.ipv4("01.2.3.4")).isFalse();
    }
}
