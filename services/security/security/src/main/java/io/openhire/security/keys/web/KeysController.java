package io.openhire.security.keys.web;

import io.openhire.platform.audit.AuditTrail;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.security.client.DataKeyVersion;
import io.openhire.security.client.KekRotationResult;
import io.openhire.security.keys.DataKeys;
import io.openhire.security.keys.KekRewrap;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's data key versions and their rotation (its admins), and the re-wrap of every organisation's data
 * keys under the current key-encryption key (platform operators only: it is shared platform state).
 */
@RestController
@RequestMapping("/api/v1/security")
class KeysController {

    private final DataKeys dataKeys;
    private final KekRewrap rewrap;
    private final AuditTrail audit;

    KeysController(DataKeys dataKeys, KekRewrap rewrap, AuditTrail audit) {
        this.dataKeys = dataKeys;
        this.rewrap = rewrap;
        this.audit = audit;
    }

    @GetMapping("/keys")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    List<DataKeyVersion> keys(AuthenticatedUser caller) {
        return dataKeys.versions(caller.organizationId()).stream()
                .map(KeysController::view)
                .toList();
    }

    @PostMapping("/keys/rotate")
    @PreAuthorize("hasRole('ADMIN')")
    DataKeyVersion rotate(AuthenticatedUser caller) {
        return view(dataKeys.rotate(caller));
    }

    @PostMapping("/kek/rotate")
    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    KekRotationResult rotateKek() {
        KekRewrap.Run run = rewrap.rotate();
        audit.record("security.kek-rotated", "key-encryption-key", run.kekId());
        return new KekRotationResult(run.kekId(), run.rewrapped(), run.failed());
    }

    private static DataKeyVersion view(DataKeys.StoredKey key) {
        return new DataKeyVersion(key.version(), key.state(), key.wrapped().kekId(), key.createdAt(), key.retiredAt());
    }
}
