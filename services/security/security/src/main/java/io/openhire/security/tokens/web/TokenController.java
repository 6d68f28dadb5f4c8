package io.openhire.security.tokens.web;

import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import io.openhire.security.client.DetokenizeRequest;
import io.openhire.security.client.DetokenizeResult;
import io.openhire.security.client.TokenizeRequest;
import io.openhire.security.client.TokenizeResult;
import io.openhire.security.tokens.Tokenizer;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/security/tokenize} and {@code /detokenize}: tokens for field values, for OpenHire's services (role
 * {@code SERVICE}), in the caller's organisation. Another organisation's token is not found (404).
 */
@RestController
@RequestMapping("/api/v1/security")
class TokenController {

    static final Pattern FIELD = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    static final Pattern TOKEN = Pattern.compile("tok_([a-z][a-z0-9_-]{0,39})_[A-Z2-7]{32}");
    static final int MAX_VALUE = 4_096;

    private final Tokenizer tokenizer;

    TokenController(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    @PostMapping("/tokenize")
    @PreAuthorize("hasRole('SERVICE')")
    TokenizeResult tokenize(AuthenticatedUser caller, @RequestBody TokenizeRequest request) {
        if (request.field() == null || !FIELD.matcher(request.field()).matches()) {
            throw ProblemException.invalidField(
                    "field", "is required: lower-case letters, digits, '_' or '-', starting with a letter, at most 40");
        }
        if (request.value() == null || request.value().isEmpty()) {
            throw ProblemException.invalidField("value", "is required");
        }
        if (request.value().length() > MAX_VALUE) {
            throw ProblemException.invalidField("value", "must be at most 4,096 characters");
        }
        return new TokenizeResult(tokenizer.tokenize(caller.organizationId(), request.field(), request.value()));
    }

    @PostMapping("/detokenize")
    @PreAuthorize("hasRole('SERVICE')")
    DetokenizeResult detokenize(AuthenticatedUser caller, @RequestBody DetokenizeRequest request) {
        if (request.token() == null || !TOKEN.matcher(request.token()).matches()) {
            throw ProblemException.invalidField("token", "is not a token (tok_<field>_<32 base32 characters>)");
        }
        return tokenizer
                .detokenize(caller.organizationId(), request.token())
                .map(d -> new DetokenizeResult(d.field(), d.value()))
                .orElseThrow(() -> ProblemException.notFound("The token"));
    }
}
