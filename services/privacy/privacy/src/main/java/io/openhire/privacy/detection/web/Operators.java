package io.openhire.privacy.detection.web;

import io.openhire.pii.Anonymizer;
import io.openhire.platform.web.ProblemException;
import io.openhire.privacy.client.OperatorSpec;
import io.openhire.privacy.detection.OrganisationKeys;
import io.openhire.privacy.detection.Pseudonyms;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What a caller asks a type of personal data to become: redact, replace, mask, hash or pseudonymise. */
@Component
class Operators {

    private final Pseudonyms pseudonyms;
    private final OrganisationKeys keys;

    Operators(Pseudonyms pseudonyms, OrganisationKeys keys) {
        this.pseudonyms = pseudonyms;
        this.keys = keys;
    }

    /** @param field the request field the operator came in, named in a 400 */
    Anonymizer.Operator parse(UUID organizationId, String field, OperatorSpec spec) {
        if (spec == null || spec.type() == null) {
            throw ProblemException.invalidField(
                    field + ".type", "is required: redact, replace, mask, hash or pseudonymise");
        }
        return switch (spec.type().strip().toLowerCase(Locale.ROOT)) {
            case "redact" -> new Anonymizer.Redact();
            case "replace" -> {
                if (spec.with() != null && spec.with().length() > 100) {
                    throw ProblemException.invalidField(field + ".with", "must be at most 100 characters");
                }
                yield new Anonymizer.Replace(spec.with());
            }
            case "mask" -> {
                String maskChar = spec.maskChar() == null ? "*" : spec.maskChar();
                if (maskChar.codePointCount(0, maskChar.length()) != 1 || maskChar.length() != 1) {
                    throw ProblemException.invalidField(field + ".maskChar", "must be one character");
                }
                int keepLast = spec.keepLast() == null ? 0 : spec.keepLast();
                if (keepLast < 0 || keepLast > 100) {
                    throw ProblemException.invalidField(field + ".keepLast", "must be from 0 to 100");
                }
                yield new Anonymizer.Mask(maskChar.charAt(0), keepLast);
            }
            case "hash" -> new Anonymizer.Hash(keys.hashKey(organizationId));
            case "pseudonymise", "pseudonymize" -> new Anonymizer.Pseudonymise(pseudonyms.of(organizationId));
            default ->
                throw ProblemException.invalidField(
                        field + ".type",
                        "'" + spec.type() + "' is not one of redact, replace, mask, hash, pseudonymise");
        };
    }
}
