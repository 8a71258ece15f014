#include "store/Schema.h"

namespace sigma::store {

// The terminal's side of cloud sync (src/sync). One row: the device credentials and the pull
// cursor change together with what they describe, so they live in terminal.db rather than in
// config.json (a copied config must never carry a device key). The outbox position stays in
// outbox_state (v1), which the journal owns.
const std::string_view kSyncSchemaV7 = R"sql(
CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    cloud_url TEXT,                   -- https://... base URL, no trailing slash
    registration_id TEXT,             -- during registration
    registration_secret TEXT,         -- bearer secret for GET /api/v1/registrations/{id}
    registration_status TEXT,         -- awaitingSms, awaitingPassword, active
    device_id TEXT,                   -- after activation
    device_key TEXT,                  -- the HMAC key handed out once; never logged
    business_type TEXT,               -- the type registered with the cloud (locked after activation)
    change_cursor INTEGER NOT NULL DEFAULT 0, -- the last change_log seq applied
    last_success_at_us INTEGER,
    last_attempt_at_us INTEGER,
    last_error_code INTEGER,          -- 2300-2399 (docs/errors.md); NULL after a successful round
    last_error TEXT,                  -- plain Russian words for the cashier
    activated_at_us INTEGER
);
INSERT INTO sync_state (id) VALUES (1);
)sql";

} // namespace sigma::store
